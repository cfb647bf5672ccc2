// Generated from spec/zoom.openapi.json by codegen. Do not edit.

export interface paths {
    "/meetings/{meetingId}/batch_registrants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Perform batch registration
         * @description Register up to 30 registrants at once for a meeting that requires [registration](https://support.zoom.us/hc/en-us/articles/211579443-Registration-for-Meetings).
         *
         *     **Prerequisites:**
         *     * The meeting host must be a Licensed user.
         *     * The meeting must require registration and should be of type `2`, i.e., they should be scheduled meetings. Instant meetings and Recurring meetings are not supported by this API.
         *
         *     **Scope:** `meeting:write`, `meeting:write:admin`
         *     **[Rate Limit Label](https://marketplace.zoom.us/docs/api-reference/rate-limits#rate-limits):** `Heavy`
         */
        post: operations["performBatchRegistration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meetings/{meetingId}/registrants/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Update registrant's status
         * @description Update a meeting registrant's status by either approving, cancelling or denying a registrant from joining the meeting.
         *
         *     **Scopes:** `meeting:write:admin` `meeting:write`
         *      **[Rate Limit Label](https://marketplace.zoom.us/docs/api-reference/rate-limits#rate-limits):** `Medium`
         */
        put: operations["updateRegistrantsStatus"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rooms/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Check-in or check-out of a Zoom Room
         * @description The Zoom Rooms check-in feature helps maximize your room utilization. Use this API to either **check in** and confirm that you are utilizing the room reservation or to **check out** of the room so that the room gets released from the scheduled meeting and will be made available for others to use. Learn more from the [Using the Zoom Rooms check-in feature](https://support.zoom.us/hc/en-us/articles/360001147163-Using-the-Zoom-Rooms-check-in-feature) guide.
         *
         *     **Prerequisites:**
         *     * [Zoom Rooms](https://support.zoom.us/hc/en-us/articles/207483343-Getting-started-with-Zoom-Rooms#:~:text=Zoom%20Rooms%20is%20a%20software,or%20from%20their%20mobile%20device) must have been set up for use for the account and must be online.
         *     * You must have access to the Calendar Integration APIs (either Microsoft Exchange or Google Calendar APIs) to get calendar information associated with the Room.
         *
         *     **Scope:** `room:write:admin`
         */
        patch: operations["checkInOrCheckOutOfAZoomRoom"];
        trace?: never;
    };
    "/users/{userId}/presence_status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Update a user's presence status
         * @description Use this API to update a user's presence status. For user-level apps, pass [the `me` value](https://marketplace.zoom.us/docs/api-reference/using-zoom-apis#mekeyword) instead of the `userId` parameter.
         *
         *     A user's status **cannot** be updated more than once per minute. For example, you can only submit a maximum of one update request per minute for a single user.
         *
         *     Users in the Zoom desktop client and mobile apps are assigned with a [presence status](https://support.zoom.us/hc/en-us/articles/360032554051-Status-Icons). The presence status informs users of their contact's availability. Users can also change their own presence status to one the following:
         *     * **Away**
         *     * **Do not disturb**
         *     * **Available**
         *     * **In a calendar event**
         *     * **Presenting**
         *     * **In a Zoom meeting**
         *     * **On a call**
         *
         *     Note that a user's presence status **cannot** be updated via this API if the user is not logged in to the Zoom client.
         *
         *     **Scopes:** `user:write`, `user:write:admin`
         *     **[Rate Limit Label](https://marketplace.zoom.us/docs/api-reference/rate-limits#rate-limits):** `Medium`
         */
        put: operations["updateAUsersPresenceStatus"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{userId}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Update user status
         * @description Use this API to [deactivate](https://support.zoom.us/hc/en-us/articles/115005269946-Remove-User-from-your-Account#h_6a9bc1c3-d739-4945-b1f2-00b3b88fb5cc) an active user or to [reactivate](https://support.zoom.us/hc/en-us/articles/115005269946-Remove-User-from-your-Account#h_16319724-d120-4be6-af5d-31582d134ea0) a deactivated user. For user-level apps, pass [the `me` value](https://marketplace.zoom.us/docs/api-reference/using-zoom-apis#mekeyword) instead of the `userId` parameter.
         *
         *     An account owner or admins can deactivate as well as activate a user in a Zoom account. Deactivating a user will remove all licenses associated with a user. It will prevent the deactivated user from logging into their Zoom account. A deactivated user can be reactivated. Reactivating a user grants the user access to login to their Zoom account.
         *
         *     **Scopes:** `user:write:admin`, `user:write`
         *     **[Rate Limit Label](https://marketplace.zoom.us/docs/api-reference/rate-limits#rate-limits):** `Light`
         */
        put: operations["updateUserStatus"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        CheckInOrCheckOutOfAZoomRoomRequest: {
            /**
             * @description The value of this field can be one of the following:
             *     * zoomroom.check_in
             *     * zoomroom.check_out
             * @enum {string}
             */
            method?: "zoomroom.check_in" | "zoomroom.check_out";
            params?: components["schemas"]["Params"];
        };
        MeetingBatchRegistrant: {
            registrants?: components["schemas"]["Registrant"][];
        };
        Params: {
            calendar_id?: string;
            change_key?: string;
            event_id?: string;
            /** Format: email */
            resource_email?: string;
        };
        PerformBatchRegistrationRegistrant: {
            /** Format: email */
            email?: string;
            first_name?: string;
            last_name?: string;
        };
        PerformBatchRegistrationRequest: {
            /**
             * @description If a meeting was scheduled with approval_type `1` (manual approval), but you would like to automatically approve the registrants that are added via this API, you can set the value of this field to `true`.
             *
             *     You **cannot** use this field to change approval setting for a meeting that was originally scheduled with approval_type `0` (automatic approval).
             */
            auto_approve?: boolean;
            registrants?: components["schemas"]["PerformBatchRegistrationRegistrant"][];
        };
        Registrant: {
            /** Format: email */
            email?: string;
            join_url?: string;
            registrant_id?: string;
        };
        UpdateAUsersPresenceStatusRequest: {
            /**
             * @description If you're updating the status to `Do_Not_Disturb`, specify a duration in minutes for which the status should remain as `Do_Not_Disturb`.
             *
             *     The default value is 20 minutes and the maximum allowed value is 1440 minutes.
             * @default 20
             */
            duration: number;
            /**
             * @description Presence status of the user. The value can be set to one of the following:
             *     * `Away`
             *     * `Do_Not_Disturb`
             *     * `Available`
             *     * `In_Calendar_Event`
             *     * `Presenting`
             *     * `In_A_Zoom_Meeting`
             *     * `On_A_Call`
             *
             *     Users who are on Zoom Client with a version **lower than 5.3.0** can update the status from:
             *     * `Away` to `Do_Not_Disturb`
             *     * `Available` to `Do_Not_Disturb`
             *
             *     Users who are on **Zoom Client 5.3.0** or higher can update the status from:
             *     * `Do_Not_Disturb` to `Away`
             *     * `Do_Not_Disturb` to `Available`
             *     * `Available` to `Away`
             *     * `Away` to `Available`
             * @enum {string}
             */
            status?: "Do_Not_Disturb" | "Away" | "Available" | "In_Calendar_Event" | "Presenting" | "In_A_Zoom_Meeting" | "On_A_Call";
        };
        UpdateRegistrantsStatusRegistrant: {
            email?: string;
            id?: string;
        };
        UpdateRegistrantsStatusRequest: {
            /**
             * @description Registrant Status:
             *     `approve` - Approve registrant.
             *     `cancel` - Cancel previously approved registrant's registration.
             *     `deny` - Deny registrant.
             * @enum {string}
             */
            action: "approve" | "cancel" | "deny";
            /** @description List of registrants. */
            registrants?: components["schemas"]["UpdateRegistrantsStatusRegistrant"][];
        };
        UpdateUserStatusRequest: {
            /**
             * @description The action types:
             *     `activate` - Activate a deactivated user.
             *     `deactivate` - Deactivate a user.
             * @enum {string}
             */
            action: "activate" | "deactivate";
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    performBatchRegistration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Unique identifier of the meeting (Meeting Number).
                 * @example quis officia in reprehenderit
                 */
                meetingId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "auto_approve": true,
                 *       "registrants": [
                 *         {
                 *           "email": "KEESPCs-T1pF@ljUbrzdNgzMc.xx",
                 *           "first_name": "dolore eu aute dolor",
                 *           "last_name": "eu reprehenderit ea magna ex"
                 *         },
                 *         {
                 *           "email": "okZ9KNk@nZOovoEvyoTCgW.eftt",
                 *           "first_name": "aliquip deserunt",
                 *           "last_name": "nostrud"
                 *         }
                 *       ]
                 *     }
                 */
                "multipart/form-data": components["schemas"]["PerformBatchRegistrationRequest"];
            };
        };
        responses: {
            /** @description Registrants added. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "registrants": [
                     *         {
                     *           "email": "example@example.com",
                     *           "join_url": " https://zoom.us/w/9999999?tk=oZuwHfdgAAAAAAAAAAAAAAAA&uuid=WN_XW4_SdxBBBBxLDQt",
                     *           "registrant_id": "conseret14re"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["MeetingBatchRegistrant"];
                };
            };
            /**
             * @description **Error Code:** `3038`
             *     Meeting is over, you can not register now. If you have any questions, please contact the Meeting host.
             *
             *     **Error Code:** `303`
             *     This API can only be used for scheduled m
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description **Error Code:** `3001`
             *     Meeting does not exist: {meetingId}.
             *     **Error Code:** `3043`
             *     Meeting has reached maximum attendee capacity.
             *     **Error Code:** `404`
             *     Registration has not been enabled fo
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description You have exceeded the daily rate limit of "{0}" for meeting **Perform batch registration** API requests for the registrant "{1}". You can resume these API requests at GMT 00:00:00. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateRegistrantsStatus: {
        parameters: {
            query?: {
                /**
                 * @description The meeting or webinar occurrence ID.
                 * @example quis officia in reprehenderit
                 */
                occurrence_id?: string;
            };
            header?: never;
            path: {
                /**
                 * @description The meeting's ID.
                 *
                 *      When storing this value in your database, you must store it as a **long** format integer and **not** an integer. Meeting IDs can exceed 10 digits.
                 * @example 68423085
                 */
                meetingId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "action": "deny",
                 *       "registrants": [
                 *         {
                 *           "email": "nulla",
                 *           "id": "in ad ut nulla est"
                 *         },
                 *         {
                 *           "email": "incididunt fugiat mollit consequat",
                 *           "id": "pariatur aute"
                 *         }
                 *       ]
                 *     }
                 */
                "multipart/form-data": components["schemas"]["UpdateRegistrantsStatusRequest"];
            };
        };
        responses: {
            /** @description Registrant status updated. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description **Error Code:** `300`
             *     This meeting has not set registration as required:{meetingId}.
             */
            300: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description **Error Code:** `1010`
             *     User does not belong to this account: {accountId}.
             *     **Error Code:** `3000`
             *     Cannot access meeting information.
             *     **Error Code:** `3003`
             *     You're not the meeting host.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description Meeting or registrant not found.
             *     **Error Code:** `1001`
             *     User does not exist: {userId}.
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description You have exceeded the daily rate limit of "{0}" for meeting **Update registrant's status** API requests for the registrant "{1}". You can resume these API requests at GMT 00:00:00. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    checkInOrCheckOutOfAZoomRoom: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Room ID
                 * @example quis officia in reprehenderit
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "params": {
                 *         "calendar_id": "ullamco labore dolore mollit",
                 *         "change_key": "ea adipisicing velit",
                 *         "event_id": "dolore sit laborum Duis",
                 *         "resource_email": "U45sjN@qkwQqRsglYQapYeGbizqBNN.mgc"
                 *       }
                 *     }
                 */
                "multipart/form-data": components["schemas"]["CheckInOrCheckOutOfAZoomRoomRequest"];
            };
        };
        responses: {
            /** @description Request processed successfully. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example {} */
                    "application/json": Record<string, unknown>;
                };
            };
            /**
             * @description **Error Code:** `300`
             *     * Zoom Room is offline. Please ensure that the Zoom Room is online before checking in or checking out.
             *     * Invalid parameters.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description **Error Code:** `1012`
             *     Room does not exist: {roomId}.
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateAUsersPresenceStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "duration": 1221,
                 *       "status": "Available"
                 *     }
                 */
                "multipart/form-data": components["schemas"]["UpdateAUsersPresenceStatusRequest"];
            };
        };
        responses: {
            /** @description Status updated succesfully. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description **Error Code:** `5301`
             *     Request to update the presence status of this user failed.
             *     **Error Code:** `5411`
             *     Unauthorized request. You do not have permission to update the presence status of this use
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description **Error Code:** `1001`
             *     User does not exist: {userId}.
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests submitted to update the presence status of this user. Please wait for the request to be processed and try again later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateUserStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The user ID or email address of the user. For user-level apps, pass the `me` value for this parameter.
                 * @example quis officia in reprehenderit
                 */
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "action": "deactivate"
                 *     }
                 */
                "multipart/form-data": components["schemas"]["UpdateUserStatusRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Status updated. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description **Error Code:** `200`
             *     Zoom Room and Admin users' status cannot be activated or deactivated.
             *
             *     **Error Code:** `300`
             *     You cannot deactivate this user because the user has an upcoming Zoom Eve
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description **Error Code:** `1001`
             *     User does not exist: $userId.
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}

/** Digest authentication's pieces against RFC 7616's own example (3.9.1) and RFC 1321's MD5 suite. */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { digestAuthorization, md5, parseChallenge } from "../../codegen/runtime/digest.js";

const rfcChallenge = (algorithm: string) =>
  `Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=${algorithm}, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"`;

describe("digest", () => {
  it("MD5 matches RFC 1321's test suite and node:crypto on UTF-8 text of many lengths", () => {
    expect(["", "a", "abc", "message digest", "abcdefghijklmnopqrstuvwxyz"].map(md5)).toEqual([
      "d41d8cd98f00b204e9800998ecf8427e",
      "0cc175b9c0f1b6a831c399e269772661",
      "900150983cd24fb0d6963f7d28e17f72",
      "f96b697d7cb7938d525a2f31aaf161d0",
      "c3fcd3d76192e4007dfb496cca67e13b",
    ]);
    for (let n = 0; n < 200; n++) {
      const text = "é日x".repeat(n).slice(0, n);
      expect(md5(text)).toBe(createHash("md5").update(text).digest("hex"));
    }
  });

  it("answers RFC 7616's example with MD5 and SHA-256 (qop=auth)", async () => {
    const answer = async (algorithm: string) =>
      digestAuthorization(parseChallenge(rfcChallenge(algorithm))!, "Mufasa", "Circle of Life", "GET", "/dir/index.html", "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ");
    expect(await answer("MD5")).toBe(
      'Digest username="Mufasa", realm="http-auth@example.org", nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", uri="/dir/index.html", algorithm=MD5, qop=auth, nc=00000001, cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", response="8ca523f5e9506fed4657c9700eebdbec", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"',
    );
    expect(await answer("SHA-256")).toContain('response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"');
  });

  it("reads the Digest challenge among others, and refuses what it cannot answer", () => {
    expect(parseChallenge(`Basic realm="x", ${rfcChallenge("SHA-256")}, Bearer realm="y"`)).toEqual({
      realm: "http-auth@example.org",
      nonce: "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
      opaque: "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS",
      algorithm: "SHA-256",
      qop: "auth",
      count: 0,
    });
    expect(parseChallenge('Digest realm="r", nonce="n", qop="auth-int"')).toBeUndefined();
    expect(parseChallenge('Digest realm="r", nonce="n", algorithm=SHA-512-256')).toBeUndefined();
    expect(parseChallenge('Basic realm="r"')).toBeUndefined();
  });
});

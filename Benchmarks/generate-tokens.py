#!/usr/bin/env python3
"""Writes N synthetic, realistic Entra v1 access tokens (900-1400 bytes each) as JSON Lines to stdout.

Every line is {"id": "t<N>", "token": "<jwt>"}. Claims follow real Entra tokens (aud, iss, iat/nbf/exp, acr, aio,
amr, appid, appidacr, idtyp, ipaddr, name, oid, scp or roles, sub, tid, upn, uti, ver, wids); the signature
is 256 random bytes (RS256-sized), never a real one. Deterministic for a given N (seeded).
Mix: 60% delegated tokens for the eDiscovery download proxy, 30% delegated Microsoft Graph tokens, 10% app-only.
"""
import base64, json, random, sys

PROXY = "b26e684c-5068-4120-a679-64a5d2c909d9"
TENANT = "aaaabbbb-0000-4000-8000-00000000cafe"
GRAPH_SCOPES = ["User.Read", "Mail.Read", "Files.ReadWrite.All", "Sites.Read.All", "eDiscovery.ReadWrite.All",
                "Group.Read.All", "Calendars.Read", "openid", "profile", "email"]

def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

def guid(rng) -> str:
    h = "%032x" % rng.getrandbits(128)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-8{h[17:20]}-{h[20:]}"

def token(i: int, rng) -> str:
    kind = "proxy" if i % 10 < 6 else "graph" if i % 10 < 9 else "app"
    header = {"typ": "JWT", "alg": "RS256", "kid": b64(rng.randbytes(20))}
    if kind == "graph":
        header["nonce"] = b64(rng.randbytes(16))
    iat = 1793696400 - rng.randrange(0, 3000)  # 08:10-09:00Z: valid at the --at 09:30Z the script uses
    claims = {
        "aud": PROXY if kind == "proxy" else "https://graph.microsoft.com",
        "iss": f"https://sts.windows.net/{TENANT}/", "iat": iat, "nbf": iat, "exp": iat + 4500 + rng.randrange(0, 600),
        "aio": b64(rng.randbytes(rng.randrange(8, 24))),
        "appid": guid(rng), "appidacr": "0" if kind != "app" else "2",
        "idtyp": "app" if kind == "app" else "user", "oid": guid(rng), "sub": b64(rng.randbytes(16)),
        "tid": TENANT, "uti": b64(rng.randbytes(16)), "ver": "1.0",
    }
    if kind == "app":
        claims["roles"] = ["eDiscovery.Read.All"] if i % 20 == 9 else ["eDiscovery.ReadWrite.All"]
    else:
        user = f"user{i}@contoso-gcc.example"
        claims.update({"acr": "1", "amr": ["pwd", "mfa"], "name": f"User {i}",
                       "ipaddr": f"203.0.113.{i % 250}", "upn": user,
                       "tenant_region_sub_scope": "GCC"})
        claims["scp"] = "eDiscovery.Download.Read" if kind == "proxy" and i % 20 != 3 else " ".join(rng.sample(GRAPH_SCOPES, rng.randrange(2, 4)))
        if i % 3 == 0:
            claims["wids"] = ["b79fbf4d-3ef9-4689-8143-76b194e85509"]
    return ".".join([b64(json.dumps(header, separators=(",", ":")).encode()),
                     b64(json.dumps(claims, separators=(",", ":")).encode()),
                     b64(rng.randbytes(256))])

def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    rng = random.Random(20261103)
    out = sys.stdout
    lengths = []
    for i in range(count):
        jwt = token(i, rng)
        if i < 1000:
            lengths.append(len(jwt))
        out.write('{"id":"t%d","token":"%s"}\n' % (i, jwt))
    print(f"token length over the first {len(lengths)}: min {min(lengths)}, max {max(lengths)}", file=sys.stderr)

if __name__ == "__main__":
    main()

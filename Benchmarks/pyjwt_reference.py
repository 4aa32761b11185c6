#!/usr/bin/env python3
"""Reference rows for the benchmark: decode each JSON Lines token with PyJWT (no signature verification) or with
plain base64 + json.loads, then the same audience + scope check permcheck's export-download rule makes first.
Prints tokens/s."""
import base64, json, sys, time

PROXY = "b26e684c-5068-4120-a679-64a5d2c909d9"

def allowed(claims: dict) -> bool:
    return claims.get("aud") == PROXY and "eDiscovery.Download.Read" in claims.get("scp", "").split(" ")

def main() -> None:
    mode, path = sys.argv[1], sys.argv[2]
    tokens = [json.loads(line)["token"] for line in open(path)]
    start = time.perf_counter()
    count = 0
    if mode == "pyjwt":
        import jwt
        for token in tokens:
            count += allowed(jwt.decode(token, options={"verify_signature": False}))
    else:
        for token in tokens:
            payload = token.split(".")[1]
            count += allowed(json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))))
    elapsed = time.perf_counter() - start
    print(f"{len(tokens) / elapsed:.0f}")

if __name__ == "__main__":
    main()

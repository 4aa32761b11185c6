#!/usr/bin/env python3
"""Reference rows for Benchmarks/run.sh: read the JSON Lines tokens of generate-tokens.py and write, per line, the
same brief record permcheck batch writes (line, id, api, verdict, predictedStatus, unmet, unknown, principal, token
{fingerprint, audience, appId, tenantId, cloud, expiresAt}, fix) for the export-download rule's token checks
(lifetime, delegated/app-only, audience, scope, the X-AllowWithAADToken header given, case membership unknown
without evidence). Mode `pyjwt` decodes with PyJWT (no signature verification), `plain` with base64 + json.loads.

    reference_brief.py pyjwt|plain TOKENS.jsonl > out.jsonl
"""
import base64, calendar, hashlib, json, sys, time

PROXY = "b26e684c-5068-4120-a679-64a5d2c909d9"
AT = calendar.timegm(time.strptime("2026-11-03T09:30:00Z", "%Y-%m-%dT%H:%M:%SZ"))
FIX_AUDIENCE = "Request a second token for the download, for the MicrosoftPurviewEDiscovery app instead of Graph."
FIX_SCOPE = "Add the delegated permission eDiscovery.Download.Read and consent."
FIX_IDENTITY = "Call the download with a delegated (user) token."

def plain_decode(token):
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))

def iso(seconds):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds)) if isinstance(seconds, (int, float)) else None

def cloud(claims):
    iss = claims.get("iss", "")
    if iss.startswith("https://sts.windows.net/") or iss.startswith("https://login.microsoftonline.com/"):
        return "gcc" if claims.get("tenant_region_sub_scope") == "GCC" else "global"
    return None

def record(number, line_id, token, claims):
    kind = {"app": "application", "user": "user"}.get(claims.get("idtyp"), "user" if "scp" in claims else "unknown")
    unmet, fixes = [], []
    exp = claims.get("exp")
    if not isinstance(exp, (int, float)) or AT >= exp or AT < claims.get("nbf", 0):
        unmet.append(("token-lifetime", 401, "Request a new token."))
    if kind != "user":
        unmet.append(("delegated-only", 403, FIX_IDENTITY))
    if str(claims.get("aud", "")).lower().rstrip("/") != PROXY:
        unmet.append(("proxy-audience", 401, FIX_AUDIENCE))
    if "eDiscovery.Download.Read".lower() not in [s.lower() for s in claims.get("scp", "").split()]:
        unmet.append(("download-scope", 403, FIX_SCOPE))
    unknown = ["export-role", "case-membership"]  # no role-group or case-member evidence given
    for _, _, fix in unmet:
        if fix not in fixes:
            fixes.append(fix)
    return {
        "line": number, "id": line_id, "api": "ediscovery.export-download",
        "verdict": "denied" if unmet else "indeterminate",
        "predictedStatus": unmet[0][1] if unmet else None,
        "unmet": [u[0] for u in unmet], "unknown": unknown,
        "principal": {"kind": kind, "id": claims.get("oid") or claims.get("appid"), "name": claims.get("upn") or claims.get("name")},
        "token": {"fingerprint": "sha256:" + hashlib.sha256(token.encode()).hexdigest()[:12], "audience": claims.get("aud"),
                  "appId": claims.get("appid") or claims.get("azp"), "tenantId": claims.get("tid"), "cloud": cloud(claims),
                  "expiresAt": iso(exp)},
        "fix": fixes[0] if fixes else None,
    }

def main():
    mode, path = sys.argv[1], sys.argv[2]
    if mode == "pyjwt":
        import jwt
        decode = lambda token: jwt.decode(token, options={"verify_signature": False})
    else:
        decode = plain_decode
    out = sys.stdout
    dumps = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            try:
                fields = json.loads(line)
                token = fields["token"]
                out.write(dumps(record(number, fields.get("id"), token, decode(token))) + "\n")
            except Exception as error:  # a bad line gets an error record, as in permcheck
                out.write(dumps({"error": str(error), "id": None, "line": number}) + "\n")

if __name__ == "__main__":
    main()

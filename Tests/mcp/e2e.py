"""End-to-end test of `permcheck mcp` with the official MCP Python SDK (run by Tests/mcp/run.sh).

Starts the server through the SDK's stdio client, lists the tools, calls each one on the bundled fixtures, checks the
seed ticket against `permcheck … --format json`, and asserts that no fixture token text appears in any response or log.
Usage: python e2e.py PERMCHECK_BINARY (run from the repository root).
"""
import asyncio
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

BINARY = sys.argv[1]
ROOT = Path.cwd()
AT = "2026-11-03T09:30:00Z"
SEED = {"tokenFile": "fixtures/tokens/manager-graph.jwt", "api": "export-download", "case": "Contoso Litigation",
        "caseMembers": "fixtures/evidence/case-members.json", "roleGroups": "fixtures/evidence/role-groups.json", "at": AT}
TOKENS = {p.name: p.read_text().strip() for p in sorted((ROOT / "fixtures/tokens").glob("*.jwt"))}
EXPECTED_TOOLS = {"check", "can", "can_list", "decode", "explain", "permissions", "triage"}
failures = []
responses = []   # every response the client received, as JSON text


def expect(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


def record(result):
    responses.append(result.model_dump_json(by_alias=True))
    return result


def text_of(result):
    return "\n".join(block.text for block in result.content if getattr(block, "type", "") == "text")


def cli_json(*arguments):
    run = subprocess.run([BINARY, *arguments, "--format", "json"], capture_output=True, text=True, cwd=ROOT)
    return run.returncode, json.loads(run.stdout)


async def session_calls(session):
    init = session.initialize_result
    expect(init is not None and init.server_info.name == "permcheck", f"initialize: server permcheck, protocol {init.protocol_version}")
    listed = record(await session.list_tools())
    names = {tool.name for tool in listed.tools}
    expect(names == EXPECTED_TOOLS, f"tools/list: {sorted(names)}")
    expect(all(tool.input_schema.get("type") == "object" for tool in listed.tools), "every tool has an object inputSchema")
    expect(all(tool.output_schema for tool in listed.tools), "every tool has an outputSchema")

    # The seed ticket: denied, with the proxy audience, download scope and header findings, exactly as the CLI says.
    seed = record(await session.call_tool("check", SEED))
    status, cli = cli_json("fixtures/tokens/manager-graph.jwt", "--api", "export-download", "--case", "Contoso Litigation",
                           "--case-members", "fixtures/evidence/case-members.json", "--role-groups", "fixtures/evidence/role-groups.json", "--at", AT)
    got = seed.structured_content or {}
    expect(not seed.is_error and got.get("verdict") == "denied", "check (seed ticket): verdict denied")
    not_met = [f["requirement"] for f in got.get("findings", []) if f["outcome"] != "met"]
    expect(not_met == ["proxy-audience", "download-scope", "allow-aad-token-header"], f"check (seed ticket): findings {not_met}")
    expect(status == 1 and got == cli, "check (seed ticket): structuredContent equals 'permcheck … --format json'")
    expect(text_of(seed).startswith("DENIED · predicted HTTP 401"), "check (seed ticket): text rendering")

    inline = dict(SEED, caseMembers=json.loads((ROOT / "fixtures/evidence/case-members.json").read_text()))
    same = record(await session.call_tool("check", inline))
    def without_files(diagnosis):
        # The evidence section names where each document came from: a path, or "caseMembers (inline JSON)".
        copy = json.loads(json.dumps(diagnosis or {}))
        for read in copy.get("evidence", {}).values():
            read.pop("file", None)
        return copy
    expect(without_files(same.structured_content) == without_files(got), "check with inline caseMembers JSON: same diagnosis")

    can = record(await session.call_tool("can", {"tokenFile": "fixtures/tokens/manager-graph.jwt", "request": "GET https://graph.microsoft.com/v1.0/me", "at": AT}))
    _, can_cli = cli_json("can", "fixtures/tokens/manager-graph.jwt", "GET https://graph.microsoft.com/v1.0/me", "--at", AT)
    expect(not can.is_error and can.structured_content == can_cli, f"can: {can.structured_content.get('verdict')}, equals 'permcheck can --format json'")

    listing = record(await session.call_tool("can_list", {"token": TOKENS["manager-graph.jwt"], "grep": "/me/", "limit": 5}))
    ops = (listing.structured_content or {}).get("operations", [])
    expect(not listing.is_error and 0 < len(ops) <= 5 and all("/me/" in o["path"].lower() for o in ops), f"can_list: {len(ops)} operations under /me/")

    decode = record(await session.call_tool("decode", {"token": TOKENS["manager-graph.jwt"], "at": AT}))
    _, decode_cli = cli_json("decode", "fixtures/tokens/manager-graph.jwt", "--at", AT)
    expect(not decode.is_error and decode.structured_content == decode_cli, "decode: equals 'permcheck decode --format json'")

    explain = record(await session.call_tool("explain", {"api": "export-download"}))
    expect(not explain.is_error and len(explain.structured_content["requirements"]) > 3 and "proxy-audience" in text_of(explain), "explain: requirements with fixes and sources")

    perms = record(await session.call_tool("permissions", {"name": "Mail.Read", "for": "GET https://graph.microsoft.com/v1.0/me/messages"}))
    expect(not perms.is_error and perms.structured_content["for"] is not None, "permissions: Mail.Read for GET /me/messages")

    raw_request = (ROOT / "fixtures/requests/download.http").read_text()
    triage = record(await session.call_tool("triage", {"response": (ROOT / "fixtures/responses/download-401.json").read_text(),
                                                       "request": raw_request.splitlines()[0]}))
    keys = [e["key"] for e in (triage.structured_content or {}).get("evidence", [])]
    expect(not triage.is_error and triage.structured_content["api"] == "ediscovery.export-download" and "caseMembers" in keys,
           f"triage (request line + error): {triage.structured_content['api']}, evidence to collect {keys}")
    full = record(await session.call_tool("triage", {"request": raw_request, "response": (ROOT / "fixtures/responses/download-401.json").read_text()}))
    verdict = ((full.structured_content or {}).get("diagnosis") or {}).get("verdict")
    expect(not full.is_error and verdict is not None, f"triage (raw request with its bearer token): the check runs, verdict {verdict}")

    bad = record(await session.call_tool("check", dict(SEED, caseMembers="fixtures/evidence/no-such.json")))
    cli_error = subprocess.run([BINARY, "fixtures/tokens/manager-graph.jwt", "--api", "export-download", "--case-members", "fixtures/evidence/no-such.json"],
                               capture_output=True, text=True, cwd=ROOT).stderr.strip()
    expect(bad.is_error and text_of(bad) == cli_error, f"tool error: isError with the CLI's line ({cli_error})")

    resources = record(await session.list_resources())
    uris = sorted(str(r.uri) for r in resources.resources)
    rules = record(await session.read_resource("permcheck://rules"))
    expect("ediscovery.export-download" in rules.contents[0].text, f"resources: {uris}, the rule table reads")

    # Tokens where they do not belong: every fixture token as text, as a path, inside a request and an API id.
    for name, token in TOKENS.items():
        record(await session.call_tool("decode", {"token": token}))
        record(await session.call_tool("check", {"token": token, "api": "export-download", "case": token}))
        record(await session.call_tool("check", {"token": token, "api": token}))
        record(await session.call_tool("can", {"tokenFile": token, "request": "GET https://graph.microsoft.com/v1.0/me?x=" + token}))
        record(await session.call_tool("triage", {"request": f"GET https://graph.microsoft.com/v1.0/me HTTP/1.1\nAuthorization: Bearer {token}\n"}))
    await session.send_ping()


async def main():
    with tempfile.TemporaryFile("w+") as errlog:
        params = StdioServerParameters(command=BINARY, args=["mcp"], cwd=str(ROOT))
        async with stdio_client(params, errlog=errlog) as (read, write):
            async with ClientSession(read, write) as session:
                await session.initialize()
                await session_calls(session)
        errlog.seek(0)
        log = errlog.read()
    leaks = [f"{name} ({part})" for name, token in TOKENS.items()
             for part, secret in [("token", token), ("payload", token.split(".")[1]), ("signature", token.split(".")[2])]
             if any(secret in r for r in responses) or secret in log]
    expect(not leaks, f"no fixture token text in {len(responses)} responses or the server log" + (f": {leaks}" if leaks else ""))
    expect(log.startswith("permcheck mcp "), "the server logs to standard error only")


asyncio.run(main())
if failures:
    print(f"{len(failures)} MCP end-to-end check(s) failed")
    sys.exit(1)
print("MCP end-to-end: all checks passed")

"""An independent WebSocket client (Debian's python3-websockets) for Tideway's server interoperability
tests.

Usage: /usr/bin/python3 client_check.py ws://host:port/path [content-length-0] [ca=cert.pem]
(content-length-0 adds "Content-Length: 0" to the upgrade request, as the JDK's client sends it, which
Jetty 12.1.14 needs: without it, Jetty ends the upgraded connection's input at once. ca= names the PEM
certificate a wss:// server is trusted by.)
The server must echo text as text and binary as binary, and close with CODE and REASON when it gets the
text "close:CODE:REASON". The client offers permessage-deflate, checks the echo of a text message, a
binary message, a text message sent in three fragments and a 1 MiB binary message, then asks for the
close 4001 "bye". It prints one line and exits with 0 when every check passed:
  RESULT ok extensions=<the server's Sec-WebSocket-Extensions> close=<code> <reason>
  RESULT fail <what went wrong>
"""
import asyncio
import os
import ssl
import sys

import websockets


async def check(url, extra_headers, context):
    text = "hello, \u00e9t\u00e9 \U0001f30a"
    binary = bytes(range(256))
    fragments = ["frag-1 ", "frag-2 ", "frag-3"]
    large = os.urandom(1024 * 1024)
    expected = [("text", text), ("binary", binary), ("fragmented", "".join(fragments)), ("large", large)]
    async with websockets.connect(url, compression="deflate", max_size=None, extra_headers=extra_headers,
                                  ssl=context) as ws:
        extensions = ws.response_headers.get("Sec-WebSocket-Extensions", "none")
        await ws.send(text)
        await ws.send(binary)
        await ws.send(fragments)  # an iterable goes out as one message in fragments
        await ws.send(large)
        for name, want in expected:
            got = await ws.recv()
            if type(got) is not type(want) or got != want:
                return False, f"fail {name}: the echo differs ({len(got)} items, {type(got).__name__})"
        await ws.send("close:4001:bye")
        try:
            await ws.recv()
            return False, "fail a message instead of the close"
        except websockets.ConnectionClosed:
            pass
        ok = ws.close_code == 4001 and ws.close_reason == "bye"
        return ok, f"{'ok' if ok else 'fail'} extensions={extensions} close={ws.close_code} {ws.close_reason}"


def main():
    try:
        options = sys.argv[2:]
        extra_headers = {"Content-Length": "0"} if "content-length-0" in options else {}
        ca_files = [option[3:] for option in options if option.startswith("ca=")]
        context = ssl.create_default_context(cafile=ca_files[0]) if ca_files else None
        ok, line = asyncio.run(asyncio.wait_for(check(sys.argv[1], extra_headers, context), 20))
    except Exception as error:  # any failure is a result line, not a trace
        ok, line = False, f"fail {type(error).__name__}: {error}"
    print("RESULT", line, flush=True)
    sys.exit(0 if ok else 1)


main()

"""An independent WebSocket client (Debian's python3-websockets) that checks an echo server such as the
echo sample.

Usage: /usr/bin/python3 echo_client.py ws://host:port/echo
Sends text and binary messages, one large and compressible, with permessage-deflate offered (websockets
offers and uses it by default), and checks that each comes back byte for byte, with its type. Prints one
line, "RESULT OK ..." (exit status 0) or "RESULT FAILED <why>" (exit status 1).
"""
import asyncio
import os
import sys

import websockets

MESSAGES = [
    "hello from websockets",
    "grüße 🌊 ünïcödé",
    "tideway " * (32 * 1024),  # large and compressible
    os.urandom(70000),
    b"compressible binary " * 4096,
]


def extensions_of(websocket):
    # websockets before 14 keeps the response headers on the connection, later versions on its response
    response = getattr(websocket, "response", None)
    headers = response.headers if response is not None else websocket.response_headers
    return headers.get("Sec-WebSocket-Extensions", "")


async def check(url):
    # close_timeout: how long to wait, after the closing handshake, for the server to end the TCP connection
    # (RFC 6455 7.1.1); a server that forgets it costs that much time, not the result
    async with websockets.connect(url, max_size=None, close_timeout=3) as websocket:
        extensions = extensions_of(websocket)
        if "permessage-deflate" not in extensions:
            return f"FAILED permessage-deflate was not negotiated (extensions: '{extensions}')"
        for message in MESSAGES:
            await websocket.send(message)
        for number, sent in enumerate(MESSAGES, 1):
            echoed = await websocket.recv()
            if type(echoed) is not type(sent):
                return f"FAILED message {number} came back as {type(echoed).__name__}"
            if echoed != sent:
                return f"FAILED message {number} came back changed ({len(echoed)} long)"
        await websocket.close(1000)
        return f"OK {len(MESSAGES)} messages echoed, extensions: {extensions}"


def main():
    try:
        result = asyncio.run(asyncio.wait_for(check(sys.argv[1]), timeout=20))
    except Exception as error:  # any failure is the result to report
        result = f"FAILED {type(error).__name__}: {error}"
    print("RESULT", result, flush=True)
    sys.exit(0 if result.startswith("OK") else 1)


main()

"""An independent WebSocket echo server (Debian's python3-websockets) for Tideway's client
interoperability tests.

Usage: /usr/bin/python3 echo_server.py [key.pem cert.pem]   (with both files: TLS)
Prints "PORT <n>" once listening on 127.0.0.1, and "CLOSED <code> <reason>" when a connection ends.
The text message "close:CODE:REASON" makes it close with that status; everything else is echoed.
"""
import asyncio
import ssl
import sys

import websockets


async def echo(websocket, path=None):
    try:
        async for message in websocket:
            if isinstance(message, str) and message.startswith("close:"):
                _, code, reason = message.split(":", 2)
                await websocket.close(int(code), reason)
                break
            await websocket.send(message)
    finally:
        await websocket.wait_closed()
        print("CLOSED", websocket.close_code, websocket.close_reason, flush=True)


async def main():
    context = None
    if len(sys.argv) == 3:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(certfile=sys.argv[2], keyfile=sys.argv[1])
    async with websockets.serve(echo, "127.0.0.1", 0, ssl=context, subprotocols=["echo"],
                                max_size=None) as server:
        print("PORT", server.sockets[0].getsockname()[1], flush=True)
        await asyncio.Future()


asyncio.run(main())

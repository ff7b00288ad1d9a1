'use strict';
// An independent WebSocket echo server (the npm package ws) for Tideway's client interoperability tests.
// Usage: node echo-server.js [key.pem cert.pem]   (with both files: TLS)
// Prints "PORT <n>" once listening on 127.0.0.1, and "CLOSED <code> <reason>" when a connection ends.
// The text message "close:CODE:REASON" makes it close with that status; everything else is echoed.
const fs = require('fs');
const http = require('http');
const https = require('https');
const { WebSocketServer } = require('ws');

const [keyFile, certFile] = process.argv.slice(2);
const server = keyFile
  ? https.createServer({ key: fs.readFileSync(keyFile), cert: fs.readFileSync(certFile) })
  : http.createServer();
const wss = new WebSocketServer({
  server,
  perMessageDeflate: true,
  handleProtocols: (protocols) => (protocols.has('echo') ? 'echo' : false),
});

wss.on('connection', (ws) => {
  ws.on('message', (data, isBinary) => {
    const text = isBinary ? null : data.toString();
    if (text !== null && text.startsWith('close:')) {
      const [, code, reason] = text.split(':');
      ws.close(Number(code), reason);
      return;
    }
    ws.send(data, { binary: isBinary });
  });
  ws.on('close', (code, reason) => console.log(`CLOSED ${code} ${reason}`));
});

server.listen(0, '127.0.0.1', () => console.log(`PORT ${server.address().port}`));

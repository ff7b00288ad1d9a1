'use strict';
// An independent WebSocket client (the npm package ws) for Tideway's server interoperability tests.
// Usage: node client-check.js ws://host:port/path [content-length-0] [ca=cert.pem]
// (content-length-0 adds "Content-Length: 0" to the upgrade request, as the JDK's client sends it, which
// Jetty 12.1.14 needs: without it, Jetty ends the upgraded connection's input at once. ca= names the PEM
// certificate a wss:// server is trusted by.)
// The server must echo text as text and binary as binary, and close with CODE and REASON when it gets the
// text "close:CODE:REASON". The client offers permessage-deflate, checks the echo of a text message, a
// binary message, a text message sent in three fragments and a 1 MiB binary message, then asks for the
// close 4001 "bye". It prints one line and exits with 0 when every check passed:
//   RESULT ok extensions=<the server's Sec-WebSocket-Extensions> close=<code> <reason>
//   RESULT fail <what went wrong>
const crypto = require('crypto');
const fs = require('fs');
const WebSocket = require('ws');

const [url, ...options] = process.argv.slice(2);
const caFile = options.filter((option) => option.startsWith('ca=')).map((option) => option.slice(3))[0];
const text = 'hello, \u00e9t\u00e9 \ud83c\udf0a';
const binary = Buffer.from([...Array(256).keys()]);
const fragments = ['frag-1 ', 'frag-2 ', 'frag-3'];
const large = crypto.randomBytes(1024 * 1024);

function finish(line, ok) {
  console.log(`RESULT ${line}`);
  process.exit(ok ? 0 : 1);
}

setTimeout(() => finish('fail no result within 20 s', false), 20000).unref();

const headers = options.includes('content-length-0') ? { 'Content-Length': '0' } : {};
const ws = new WebSocket(url, { perMessageDeflate: true, headers, ca: caFile && fs.readFileSync(caFile) });
const expected = [
  { name: 'text', isBinary: false, data: Buffer.from(text) },
  { name: 'binary', isBinary: true, data: binary },
  { name: 'fragmented', isBinary: false, data: Buffer.from(fragments.join('')) },
  { name: 'large', isBinary: true, data: large },
];
let extensions = '';

ws.on('upgrade', (response) => {
  extensions = response.headers['sec-websocket-extensions'] || 'none';
});

ws.on('open', () => {
  ws.send(text);
  ws.send(binary);
  fragments.forEach((part, i) => ws.send(part, { fin: i === fragments.length - 1 }));
  ws.send(large);
});

ws.on('message', (data, isBinary) => {
  const want = expected.shift();
  if (!want) {
    finish('fail an unexpected message', false);
  } else if (isBinary !== want.isBinary || !want.data.equals(data)) {
    finish(`fail ${want.name}: the echo differs (${data.length} bytes, binary=${isBinary})`, false);
  } else if (expected.length === 0) {
    ws.send('close:4001:bye');
  }
});

ws.on('close', (code, reason) => {
  if (expected.length > 0) {
    finish(`fail closed with ${code} ${reason} before the ${expected[0].name} echo`, false);
  }
  const ok = code === 4001 && reason.toString() === 'bye';
  finish(`${ok ? 'ok' : 'fail'} extensions=${extensions} close=${code} ${reason}`, ok);
});

ws.on('error', (error) => finish(`fail ${error.message}`, false));

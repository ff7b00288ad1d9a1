'use strict';
// A stand-in for the Autobahn TestSuite fuzzingserver (the npm package ws), for testing conformance
// drivers such as the echo sample's --client mode. It follows the fuzzingserver's URL convention:
//   /getCaseCount                   sends the number of cases as one text message, then closes
//   /runCase?case=N&agent=A         sends a text and a binary message, checks that both come back
//                                   unchanged, then closes with 1000
//   /updateReports?agent=A          closes with 1000
// Usage: node fake-fuzzingserver.js [caseCount]   (default 3)
// Prints "PORT <n>" once listening on 127.0.0.1, "CASE <n> <agent> OK|FAILED <why>" per case and
// "REPORTS <agent>" for each report update.
const http = require('http');
const crypto = require('crypto');
const { WebSocketServer } = require('ws');

const caseCount = Number(process.argv[2] || 3);
const server = http.createServer();
const wss = new WebSocketServer({ server, perMessageDeflate: true });

function runCase(ws, number, agent) {
  // the text has multi-byte UTF-8; the binary message is incompressible and larger than one small frame
  const sent = [
    { data: `case ${number}: grüße, 🌊`, isBinary: false },
    { data: crypto.randomBytes(70000), isBinary: true },
  ];
  let received = 0;
  ws.on('message', (data, isBinary) => {
    const expected = sent[received++];
    const problem = !expected ? 'an extra message'
      : expected.isBinary !== isBinary ? `message ${received} came back as ${isBinary ? 'binary' : 'text'}`
      : !Buffer.from(expected.data).equals(data) ? `message ${received} came back changed`
      : null;
    if (problem) {
      console.log(`CASE ${number} ${agent} FAILED ${problem}`);
      ws.close(1000);
    } else if (received === sent.length) {
      console.log(`CASE ${number} ${agent} OK`);
      ws.close(1000);
    }
  });
  for (const message of sent) {
    ws.send(message.data, { binary: message.isBinary });
  }
}

wss.on('connection', (ws, request) => {
  const url = new URL(request.url, 'http://localhost');
  const agent = url.searchParams.get('agent');
  if (url.pathname === '/getCaseCount') {
    ws.send(String(caseCount));
    ws.close(1000);
  } else if (url.pathname === '/runCase') {
    runCase(ws, Number(url.searchParams.get('case')), agent);
  } else if (url.pathname === '/updateReports') {
    console.log(`REPORTS ${agent}`);
    ws.close(1000);
  } else {
    console.log(`UNKNOWN ${request.url}`);
    ws.close(1008, 'unknown path');
  }
});

server.listen(0, '127.0.0.1', () => console.log(`PORT ${server.address().port}`));

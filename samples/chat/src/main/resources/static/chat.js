// The chat page: one WebSocket to /chat/{room}?name=..., JSON messages both ways (see ChatEvent.java).
"use strict";

const $ = (id) => document.getElementById(id);
let socket = null;

$("join-form").addEventListener("submit", (event) => {
  event.preventDefault();
  join($("name").value.trim(), $("room").value.trim());
});

$("say-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const text = $("text").value;
  if (socket && text.trim()) {
    socket.send(JSON.stringify({ type: "say", text: text }));
    $("text").value = "";
  }
});

$("leave").addEventListener("click", () => socket && socket.close(1000, "left"));

function join(name, room) {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  const url = scheme + "//" + location.host + "/chat/" + encodeURIComponent(room)
      + "?name=" + encodeURIComponent(name);
  socket = new WebSocket(url);
  $("messages").replaceChildren();
  $("members").replaceChildren();
  $("room-name").textContent = room;
  setStatus("Connecting to " + room + "…");

  socket.onopen = () => {
    setStatus("In " + room + " as " + name);
    $("join-form").hidden = true;
    $("chat").hidden = false;
    $("text").focus();
  };
  socket.onmessage = (message) => show(JSON.parse(message.data));
  socket.onclose = (close) => {
    socket = null;
    $("join-form").hidden = false;
    $("chat").hidden = true;
    setStatus(close.reason ? "Closed: " + close.reason : "Not connected (" + close.code + ")");
  };
}

function show(event) {
  switch (event.type) {
    case "joined":
      notice(event.name + " joined");
      members(event.members);
      break;
    case "left":
      notice(event.name + " left");
      members(event.members);
      break;
    case "said":
      line("said", event.name, event.text);
      break;
    case "problem":
      notice(event.text, "problem");
      break;
  }
}

function line(kind, who, text) {
  const item = document.createElement("li");
  item.className = kind;
  const name = document.createElement("b");
  name.textContent = who; // textContent, never innerHTML: names and text are whatever users typed
  item.append(name, " ", text);
  append(item);
}

function notice(text, kind = "notice") {
  const item = document.createElement("li");
  item.className = kind;
  item.textContent = text;
  append(item);
}

function append(item) {
  const log = $("messages");
  log.append(item);
  log.scrollTop = log.scrollHeight;
}

function members(names) {
  $("members").replaceChildren(...names.map((name) => {
    const item = document.createElement("li");
    item.textContent = name;
    return item;
  }));
}

function setStatus(text) {
  $("status").textContent = text;
}

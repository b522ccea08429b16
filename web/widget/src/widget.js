// B12 Assist patient chat widget. One snippet embeds it:
//   <script src="https://HOST/widget.js" data-server="https://RASA-HOST" data-title="Clinic" defer></script>
// Options (data-*): server, title, color, lang (en|es|fr), open ("true" starts open), emergency (number),
// max-chars (longest message the server reads, default 5000), expiry-hours (how long the transcript is
// kept on this device, default 24), transports (socket.io transports, default "polling,websocket").
// Every text is rendered as text (never HTML); only http(s) links are made clickable.
import { io } from "socket.io-client";

const LABELS = {
  en: { open: "Chat about B12 injections", close: "Close chat", send: "Send", placeholder: "Type your question…",
        input: "Your message", notice: "Automated information, not for emergencies. In an emergency call",
        typing: "B12 Assist is typing", offline: "Connection lost. Reconnecting… Messages you send will wait here.",
        online: "Reconnected.", pending: "Not sent yet: waiting for the connection", failed: "Not sent",
        you: "You", bot: "B12 Assist", call: "Call", emergency: "Emergency: call now", title: "B12 Assist",
        clear: "Clear this chat", cleared: "Chat cleared. Nothing from it is kept on this device.",
        tooLong: "Your message is {n} characters long; I can read up to {max} at a time.",
        sendParts: "Send it in {k} parts", shorten: "Let me shorten it" },
  es: { open: "Chat sobre inyecciones de B12", close: "Cerrar chat", send: "Enviar", placeholder: "Escriba su pregunta…",
        input: "Su mensaje", notice: "Información automática, no para emergencias. En una emergencia llame al",
        typing: "B12 Assist está escribiendo", offline: "Sin conexión. Reconectando… Sus mensajes esperarán aquí.",
        online: "Conectado de nuevo.", pending: "Aún no enviado: esperando la conexión", failed: "No enviado",
        you: "Usted", bot: "B12 Assist", call: "Llamar al", emergency: "Emergencia: llame ahora", title: "B12 Assist",
        clear: "Borrar este chat", cleared: "Chat borrado. No queda nada de él en este dispositivo.",
        tooLong: "Su mensaje tiene {n} caracteres; puedo leer hasta {max} a la vez.",
        sendParts: "Enviarlo en {k} partes", shorten: "Lo acortaré" },
  fr: { open: "Discuter des injections de B12", close: "Fermer", send: "Envoyer", placeholder: "Votre question…",
        input: "Votre message", notice: "Information automatisée, pas pour les urgences. En cas d'urgence, appelez le",
        typing: "B12 Assist écrit", offline: "Connexion perdue. Reconnexion… Vos messages attendront ici.",
        online: "Reconnecté.", pending: "Pas encore envoyé : en attente de connexion", failed: "Non envoyé",
        you: "Vous", bot: "B12 Assist", call: "Appeler le", emergency: "Urgence : appelez maintenant", title: "B12 Assist",
        clear: "Effacer cette conversation", cleared: "Conversation effacée. Rien n'est gardé sur cet appareil.",
        tooLong: "Votre message fait {n} caractères ; je peux en lire {max} à la fois.",
        sendParts: "L'envoyer en {k} parties", shorten: "Je le raccourcis" },
};

function positive(raw, fallback) {
  const n = Number(raw);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

const script = document.currentScript || document.querySelector("script[data-server][src*='widget']");
const cfg = {
  server: (script && script.dataset.server) || window.location.origin.replace(/:\d+$/, ":5005"),
  title: (script && script.dataset.title) || "B12 Assist",
  color: (script && script.dataset.color) || "#0b5cad",
  lang: (script && script.dataset.lang) || "en",
  startOpen: script && script.dataset.open === "true",
  emergency: (script && script.dataset.emergency) || "911",
  maxChars: positive(script && script.dataset.maxChars, 5000),
  expiryHours: positive(script && script.dataset.expiryHours, 24),
  transports: ((script && script.dataset.transports) || "polling,websocket").split(",")
    .map((t) => t.trim()).filter((t) => t === "polling" || t === "websocket"),
};
if (!cfg.transports.length) cfg.transports = ["polling", "websocket"];
const L = LABELS[cfg.lang] || LABELS.en;
const STORE = "b12assist:" + cfg.server;

function load() {
  try { return JSON.parse(localStorage.getItem(STORE)) || {}; } catch (e) { return {}; }
}
function save() {
  state.touched = Date.now();
  try { localStorage.setItem(STORE, JSON.stringify(state)); } catch (e) { /* private mode: memory only */ }
}
function newId() {
  const a = new Uint8Array(16);
  (window.crypto || window.msCrypto).getRandomValues(a);
  return Array.from(a, (b) => b.toString(16).padStart(2, "0")).join("");
}

const state = Object.assign({ sessionId: null, messages: [], open: !!cfg.startOpen }, load());
if (!state.sessionId) state.sessionId = newId();
state.messages = (state.messages || []).slice(-200);
expireOld();

// The transcript kept on this device expires: messages older than `expiry-hours` are dropped, and
// when none is left the next conversation starts afresh (new session, no old emergency banner).
function expireOld() {
  const cutoff = Date.now() - cfg.expiryHours * 3600 * 1000;
  const before = state.messages.length;
  state.messages = state.messages.filter((m) => (m.ts || 0) >= cutoff);
  if (!state.messages.length && (before || (state.touched || 0) < cutoff)) {
    state.alert = null;
    if (before || state.touched) state.sessionId = newId();
  }
  if (state.messages.length !== before) save();
  return state.messages.length !== before;
}

// ---------- DOM ----------
function el(tag, attrs, children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "text") node.textContent = v;
    else if (k === "class") node.className = v;
    else node.setAttribute(k, v);
  }
  for (const c of children || []) node.appendChild(c);
  return node;
}

function safeUrl(raw) {
  try {
    const u = new URL(raw, window.location.href);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch (e) { return null; }
}

// Text with http(s) URLs turned into links; everything else stays a text node.
function richText(text) {
  const frag = document.createDocumentFragment();
  const parts = String(text).split(/(https?:\/\/[^\s<>"']+)/g);
  for (const part of parts) {
    const url = /^https?:\/\//.test(part) ? safeUrl(part.replace(/[.,;:!?)]+$/, "")) : null;
    if (url) {
      const a = el("a", { href: url, target: "_blank", rel: "noopener noreferrer", text: url });
      frag.appendChild(a);
      const rest = part.slice(url.length);
      if (rest) frag.appendChild(document.createTextNode(rest));
    } else if (part) {
      frag.appendChild(document.createTextNode(part));
    }
  }
  return frag;
}

const css = `
.b12w{--b12c:${/^#[0-9a-f]{3,8}$/i.test(cfg.color) ? cfg.color : "#0b5cad"};font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111}
.b12w *{box-sizing:border-box}
.b12w-bubble{position:fixed;right:20px;bottom:20px;z-index:2147483000;border:0;border-radius:999px;background:var(--b12c);color:#fff;padding:14px 18px;font:inherit;font-weight:600;box-shadow:0 4px 14px rgba(0,0,0,.25);cursor:pointer}
.b12w-bubble:focus-visible,.b12w button:focus-visible,.b12w input:focus-visible,.b12w a:focus-visible{outline:3px solid #ffbf00;outline-offset:2px}
.b12w-panel{position:fixed;right:20px;bottom:84px;z-index:2147483001;width:380px;max-width:calc(100vw - 24px);height:560px;max-height:calc(100vh - 110px);background:#fff;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.3);display:flex;flex-direction:column;overflow:hidden}
.b12w-panel[hidden]{display:none}
.b12w-head{background:var(--b12c);color:#fff;padding:10px 12px;display:flex;align-items:center;justify-content:space-between}
.b12w-head h2{font-size:17px;margin:0}
.b12w-close{background:transparent;color:#fff;border:2px solid #fff;border-radius:6px;font:inherit;padding:2px 10px;cursor:pointer}
.b12w-notice{background:#fff8e1;color:#3d2c00;font-size:13px;padding:6px 12px;border-bottom:1px solid #eadca6}
.b12w-alert{background:#b00020;color:#fff;padding:10px 12px;font-weight:700}
.b12w-alert a{color:#fff;background:#6d0014;display:inline-block;margin-top:6px;padding:8px 14px;border-radius:6px;font-size:18px;text-decoration:none;border:2px solid #fff}
.b12w-status{font-size:13px;padding:4px 12px;background:#eef1f5;color:#1d2733}
.b12w-status:empty{display:none}
.b12w-log{flex:1;overflow-y:auto;padding:10px 12px;background:#f7f8fa}
.b12w-msg{margin:8px 0;max-width:88%;white-space:pre-wrap;word-wrap:break-word}
.b12w-msg .b12w-body{padding:8px 11px;border-radius:10px;display:block}
.b12w-bot .b12w-body{background:#fff;border:1px solid #d4d9e0}
.b12w-user{margin-left:auto;text-align:right}
.b12w-user .b12w-body{background:var(--b12c);color:#fff;text-align:left}
.b12w-user .b12w-body a{color:#fff}
.b12w-meta{display:block;font-size:12px;color:#4a5563;margin-top:2px}
.b12w-pending .b12w-body{opacity:.75;border:2px dashed #1d2733}
.b12w-emergency .b12w-body{border:2px solid #b00020;background:#fff0f2}
.b12w-replies{display:flex;flex-wrap:wrap;gap:6px;margin:6px 0 10px}
.b12w-replies button{border:2px solid var(--b12c);background:#fff;color:var(--b12c);border-radius:999px;padding:6px 12px;font:inherit;font-size:14px;cursor:pointer}
.b12w-replies button:disabled{opacity:.55;cursor:default}
.b12w-typing{font-size:13px;color:#4a5563;padding:0 12px 6px;background:#f7f8fa}
.b12w-form{display:flex;gap:6px;padding:8px;border-top:1px solid #d4d9e0;background:#fff}
.b12w-form input{flex:1;min-width:0;border:2px solid #6b7785;border-radius:8px;padding:9px;font:inherit}
.b12w-form button{border:0;background:var(--b12c);color:#fff;border-radius:8px;padding:0 16px;font:inherit;font-weight:600;cursor:pointer}
.b12w-tools{display:flex;justify-content:flex-end;padding:2px 8px;background:#f7f8fa;border-bottom:1px solid #d4d9e0}
.b12w-clear{background:transparent;border:0;color:#1d2733;text-decoration:underline;font:inherit;font-size:13px;padding:4px;cursor:pointer}
.b12w-warn{background:#fff3cd;color:#3d2c00;font-size:14px;padding:8px 12px;border-top:1px solid #eadca6}
.b12w-warn[hidden]{display:none}
.b12w-warn button{margin:6px 6px 0 0;border:2px solid #3d2c00;background:#fff;color:#3d2c00;border-radius:6px;padding:4px 10px;font:inherit;font-size:14px;cursor:pointer}
.b12w-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:480px){.b12w-panel{right:0;bottom:0;width:100vw;max-width:100vw;height:100%;max-height:100%;border-radius:0}}
`;

const root = el("div", { class: "b12w", id: "b12-assist-widget" });
root.appendChild(el("style", { text: css }));
const bubble = el("button", { class: "b12w-bubble", type: "button", "aria-expanded": "false",
                              "aria-controls": "b12w-panel", text: L.open });
const panel = el("section", { class: "b12w-panel", id: "b12w-panel", role: "dialog",
                              "aria-label": cfg.title, hidden: "" });
const closeBtn = el("button", { class: "b12w-close", type: "button", "aria-label": L.close, text: "×" });
const head = el("div", { class: "b12w-head" }, [el("h2", { text: cfg.title }), closeBtn]);
const notice = el("p", { class: "b12w-notice", text: `${L.notice} ${cfg.emergency}.` });
const alertBox = el("div", { class: "b12w-alert", role: "alert", hidden: "" });
const status = el("div", { class: "b12w-status", role: "status", "aria-live": "polite" });
const log = el("div", { class: "b12w-log", role: "log", "aria-live": "polite", "aria-relevant": "additions",
                        "aria-label": cfg.title, tabindex: "0" });
const typing = el("div", { class: "b12w-typing", hidden: "", text: `${L.typing}…` });
// No maxlength: pasted text is never cut silently; over cfg.maxChars the patient chooses (see submit).
const input = el("input", { type: "text", id: "b12w-input", autocomplete: "off",
                            placeholder: L.placeholder, "aria-label": L.input });
const clearBtn = el("button", { class: "b12w-clear", type: "button", text: L.clear });
const tools = el("div", { class: "b12w-tools" }, [clearBtn]);
const warn = el("div", { class: "b12w-warn", role: "alert", hidden: "" });
const sendBtn = el("button", { type: "submit", text: L.send });
const form = el("form", { class: "b12w-form" }, [input, sendBtn]);
panel.append(head, notice, alertBox, tools, status, log, typing, warn, form);
root.append(bubble, panel);

function mount() { document.body.appendChild(root); renderAll(); if (state.open) openPanel(false); }

function fmtTime(ts) {
  try { return new Date(ts).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }); } catch (e) { return ""; }
}

function renderMessage(m) {
  const body = el("span", { class: "b12w-body" });
  body.appendChild(el("span", { class: "b12w-sr", text: (m.from === "user" ? L.you : L.bot) + ": " }));
  body.appendChild(richText(m.text || ""));
  if (m.link && safeUrl(m.link.url)) {
    body.appendChild(document.createTextNode(" "));
    body.appendChild(el("a", { href: safeUrl(m.link.url), target: "_blank", rel: "noopener noreferrer",
                               text: m.link.title || m.link.url }));
  }
  const meta = el("span", { class: "b12w-meta", text: fmtTime(m.ts) +
    (m.status === "pending" ? ` · ${L.pending}` : m.status === "failed" ? ` · ${L.failed}` : "") });
  const cls = `b12w-msg b12w-${m.from}` + (m.status === "pending" ? " b12w-pending" : "") +
              (m.escalation ? " b12w-emergency" : "");
  const node = el("div", { class: cls, "data-id": m.id }, [body, meta]);
  const frag = document.createDocumentFragment();
  frag.appendChild(node);
  if (m.buttons && m.buttons.length) {
    const row = el("div", { class: "b12w-replies", role: "group" });
    for (const b of m.buttons) {
      const btn = el("button", { type: "button", text: b.title });
      if (m.used) btn.disabled = true;
      btn.addEventListener("click", () => { m.used = true; save(); sendMessage(b.payload, b.title); renderAll(); });
      row.appendChild(btn);
    }
    frag.appendChild(row);
  }
  return frag;
}

function renderAll() {
  log.textContent = "";
  for (const m of state.messages) log.appendChild(renderMessage(m));
  log.scrollTop = log.scrollHeight;
  showAlert(state.alert);
}

function addMessage(m) {
  m.id = m.id || newId();
  m.ts = m.ts || Date.now();
  state.messages.push(m);
  state.messages = state.messages.slice(-200);
  save();
  log.appendChild(renderMessage(m));
  log.scrollTop = log.scrollHeight;
  return m;
}

function showAlert(alert) {
  if (!alert) { alertBox.hidden = true; return; }
  alertBox.textContent = "";
  const number = String(alert.number || cfg.emergency).replace(/[^0-9+]/g, "") || cfg.emergency;
  alertBox.appendChild(el("div", { text: alert.level === "urgent"
    ? "Contact your clinician or urgent care today." : L.emergency }));
  const call = el("a", { href: "tel:" + number, text: `${L.call} ${number}` });
  alertBox.appendChild(call);
  alertBox.hidden = false;
}

function openPanel(focus = true) {
  if (expireOld()) renderAll();
  panel.hidden = false;
  bubble.setAttribute("aria-expanded", "true");
  state.open = true; save();
  log.scrollTop = log.scrollHeight;
  if (focus) input.focus();
}
function closePanel() {
  panel.hidden = true;
  bubble.setAttribute("aria-expanded", "false");
  state.open = false; save();
  bubble.focus();
}
bubble.addEventListener("click", () => (panel.hidden ? openPanel() : closePanel()));
closeBtn.addEventListener("click", closePanel);
panel.addEventListener("keydown", (e) => { if (e.key === "Escape") closePanel(); });

// ---------- socket.io ----------
// Long-polling first, then upgrade to a WebSocket when the network allows it (socket.io's default
// order), so that a patient behind a proxy that blocks WebSockets still connects.
const socket = io(cfg.server, { transports: cfg.transports, tryAllTransports: true, reconnection: true,
                                reconnectionDelay: 500, reconnectionDelayMax: 5000 });
let confirmed = false;
let typingTimer = null;
let wasDisconnected = false;

function setTyping(on) {
  typing.hidden = !on;
  clearTimeout(typingTimer);
  if (on) typingTimer = setTimeout(() => { typing.hidden = true; }, 15000);
}

function flushPending() {
  if (!socket.connected || !confirmed) return;
  for (const m of state.messages) {
    if (m.from === "user" && m.status === "pending") {
      socket.emit("user_uttered", { message: m.payload || m.text, session_id: state.sessionId });
      m.status = "sent";
      setTyping(true);
    }
  }
  save();
  renderAll();
}

function sendMessage(payload, shown) {
  const text = String(payload || "").trim();
  if (!text) return;
  const m = addMessage({ from: "user", text: shown || text, payload: text, status: "pending" });
  if (socket.connected && confirmed) {
    socket.emit("user_uttered", { message: text, session_id: state.sessionId });
    m.status = "sent"; save();
    renderAll();
    setTyping(true);
  }
}

// Split a long text into parts of at most `max` characters, at a sentence end or a space when
// there is one in the second half of the part, so that nothing is lost and words stay whole.
function splitParts(text, max) {
  const parts = [];
  let rest = text.trim();
  while (rest.length > max) {
    let cut = -1;
    for (const sep of [". ", "? ", "! ", "\n", " "]) {
      const at = rest.lastIndexOf(sep, max - 1);
      if (at >= max / 2) { cut = at + sep.length; break; }
    }
    if (cut <= 0) cut = max;
    parts.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) parts.push(rest);
  return parts;
}

function hideWarning() { warn.hidden = true; warn.textContent = ""; }

function warnTooLong(text) {
  const parts = splitParts(text, cfg.maxChars);
  warn.textContent = "";
  warn.appendChild(el("div", { text: L.tooLong.replace("{n}", text.length.toLocaleString())
    .replace("{max}", cfg.maxChars.toLocaleString()) }));
  const send = el("button", { type: "button", class: "b12w-send-parts",
                              text: L.sendParts.replace("{k}", String(parts.length)) });
  const shorten = el("button", { type: "button", class: "b12w-shorten", text: L.shorten });
  send.addEventListener("click", () => {
    hideWarning();
    input.value = "";
    for (const part of parts) sendMessage(part);
    input.focus();
  });
  shorten.addEventListener("click", () => { hideWarning(); input.focus(); });
  warn.append(send, shorten);
  warn.hidden = false;
}

form.addEventListener("submit", (e) => {
  e.preventDefault();
  const text = input.value;
  if (!text.trim()) return;
  if (text.trim().length > cfg.maxChars) { warnTooLong(text); return; }   // the text stays in the box
  hideWarning();
  input.value = "";
  sendMessage(text);
  input.focus();
});
input.addEventListener("input", () => { if (!warn.hidden && input.value.trim().length <= cfg.maxChars) hideWarning(); });

function clearChat() {
  try { localStorage.removeItem(STORE); } catch (e) { /* nothing stored */ }
  state.messages = [];
  state.alert = null;
  state.sessionId = newId();       // a new conversation: the old one is not continued
  save();
  hideWarning();
  renderAll();
  if (socket.connected) { confirmed = false; socket.emit("session_request", { session_id: state.sessionId }); }
  status.textContent = L.cleared;
  setTimeout(() => { if (status.textContent === L.cleared) status.textContent = ""; }, 5000);
  input.focus();
}
clearBtn.addEventListener("click", clearChat);

socket.on("connect", () => {
  socket.emit("session_request", { session_id: state.sessionId });
});
socket.on("session_confirm", (data) => {
  const sid = data && (data.session_id || data);
  if (sid && typeof sid === "string") { state.sessionId = sid; save(); }
  confirmed = true;
  if (wasDisconnected) { status.textContent = L.online; setTimeout(() => { status.textContent = ""; }, 4000); }
  wasDisconnected = false;
  flushPending();
});
socket.on("disconnect", () => {
  confirmed = false; wasDisconnected = true;
  status.textContent = L.offline;
  setTyping(false);
});
socket.on("connect_error", () => { if (!wasDisconnected) { wasDisconnected = true; status.textContent = L.offline; } });

socket.on("bot_uttered", (msg) => {
  setTyping(false);
  if (!msg || typeof msg !== "object") return;
  // Custom payloads arrive as their own event: the response's `custom.data`, e.g.
  // {escalation: "emergency", number: "911"} or {link: {url, title}}.
  const custom = msg.escalation || msg.link ? msg : (msg.custom && (msg.custom.data || msg.custom)) || null;
  if (custom && custom.escalation) {
    state.alert = { level: custom.escalation, number: custom.number || cfg.emergency };
    save(); showAlert(state.alert);
    const last = state.messages[state.messages.length - 1];
    if (last && last.from === "bot") { last.escalation = custom.escalation; save(); renderAll(); }
    return;
  }
  if (custom && custom.link) {
    const last = state.messages[state.messages.length - 1];
    if (last && last.from === "bot" && !last.link && custom.link.url && last.text && last.text.includes(custom.link.url)) {
      return; // the text already carries the link
    }
    addMessage({ from: "bot", text: "", link: custom.link });
    return;
  }
  if (typeof msg.text !== "string" && !msg.quick_replies && !msg.attachment) return;
  const buttons = (msg.quick_replies || msg.buttons || []).map((b) => ({ title: String(b.title), payload: String(b.payload) }));
  let link = null;
  if (msg.attachment && msg.attachment.payload && msg.attachment.payload.src) {
    link = { url: msg.attachment.payload.src, title: msg.attachment.payload.src };
  }
  addMessage({ from: "bot", text: msg.text || "", buttons, link });
});

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
else mount();

window.B12Assist = { open: openPanel, close: closePanel, clear: clearChat, session: () => state.sessionId, socket,
                     config: cfg };

// The playground page: three chats drawn like Telegram's app. What you do goes to the
// server as JSON; what the bot does comes back as server-sent events. Bot text is built
// into DOM nodes from its entities (render.js); no HTML string is ever parsed.
import { renderEntities, safeUrl } from "./render.js";

const TABS = ["private", "group", "inline"];
const INLINE_DEBOUNCE_MS = 250;

/** Filled from /api/state. */
let world;
const chats = Object.fromEntries(TABS.map((tab) => [tab, { messages: new Map(), replyTo: undefined }]));
const panels = {};
let activeTab = "private";
let latestInlineRequest = 0;

// ---- small DOM helpers ---------------------------------------------------------

function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (value !== undefined && value !== false) node.setAttribute(name, value === true ? "" : value);
  }
  node.append(...children.flat().filter((child) => child !== undefined && child !== null));
  return node;
}

/** The renderer's element tree as DOM nodes: its tags and attributes are whitelisted already. */
function toDom(nodes) {
  return nodes.map((node) => {
    if (typeof node === "string") return document.createTextNode(node);
    const element = document.createElement(node.tag);
    for (const [name, value] of Object.entries(node.attrs)) element.setAttribute(name, value);
    element.append(...toDom(node.children));
    return element;
  });
}

const nameOf = (user) => [user.first_name, user.last_name].filter(Boolean).join(" ");
const formatNumber = (n) => n.toLocaleString("ar", { maximumFractionDigits: n < 10 ? 1 : 0 });
const elapsedText = (ms) =>
  ms < 1000 ? `أُجيب في ${formatNumber(ms)} ملّي ثانية` : `أُجيب في ${formatNumber(ms / 1000)} ثانية`;

// ---- talking to the server ---------------------------------------------------

async function post(path, body) {
  const response = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const value = await response.json();
  if (!response.ok) throw new Error(value.error ?? "تعذّر الاتصال بساحة التجربة.");
  return value;
}

/** Shows what went wrong instead of throwing into the console. */
const attempt = (action) => action().catch((error) => showToast(error.message));

function onEvent(event) {
  if (event.type === "message") upsert(event.tab, event.message, event.elapsedMs);
  else if (event.type === "toast") showToast(event.text);
  else if (event.type === "commands") {
    world.commands = event.commands;
    for (const tab of TABS) renderCommandMenu(tab);
  }
}

// ---- chats -------------------------------------------------------------------

function buildPanel(tab) {
  const title = tab === "group" ? world.group.title : tab === "inline" ? world.friend.first_name : world.bot.name;
  const status = tab === "group" ? `${formatNumber(world.members.length + 1)} أعضاء، منهم البوت` : tab === "inline" ? "صديقتك" : "بوت";
  const panel = {
    root: h("section", { id: `panel-${tab}`, class: "chat", role: "tabpanel", "aria-labelledby": `tab-${tab}`, hidden: tab !== "private" }),
    status: h("div", { class: "chat-status" }, status),
    messages: h("div", { class: "messages", "data-testid": `messages-${tab}` }),
    replyBar: h("div", { class: "reply-bar", hidden: true }),
    input: h("input", {
      class: "composer-input",
      type: "text",
      dir: "rtl",
      autocomplete: "off",
      "aria-label": "الرسالة",
      placeholder: tab === "inline" ? `اكتب ‎@${world.bot.username}‎ ثم سؤالك` : "اكتب رسالة…",
    }),
    menu: h("div", { class: "command-menu", hidden: true }),
    results: h("div", { class: "inline-results", hidden: true, "data-testid": "inline-results" }),
    startBar: undefined,
  };
  const head = h(
    "div",
    { class: "chat-head" },
    h("div", { class: "avatar", "aria-hidden": "true" }, title.slice(0, 1)),
    h("div", {}, h("div", { class: "chat-title" }, title), panel.status),
  );
  const form = h(
    "form",
    { class: "composer", onsubmit: (e) => (e.preventDefault(), submit(tab)) },
    tab === "inline" ? undefined : h("button", { type: "button", class: "menu-button", "aria-label": "قائمة الأوامر", onclick: () => toggleMenu(tab) }, "/"),
    panel.input,
    h("button", { type: "submit", class: "send", "aria-label": "إرسال" }, "إرسال"),
  );
  const extras = [];
  if (tab === "group") {
    const picker = h(
      "select",
      { class: "member-picker", "aria-label": "تكتب باسم", onchange: (e) => (panel.from = Number(e.target.value)) },
      world.members.map((member) => h("option", { value: String(member.id) }, nameOf(member))),
    );
    panel.from = world.members[0].id;
    extras.push(h("label", { class: "posting-as" }, "تكتب باسم: ", picker));
    extras.push(h("p", { class: "privacy-note" }, "وضع الخصوصية مفعّل كما في تيليجرام: لا يرى البوت إلا الأوامر، وذكر اسمه، والردود على رسائله."));
  }
  if (tab === "private") {
    panel.startBar = h("div", { class: "start-bar" }, h("button", { type: "button", class: "start", onclick: () => send("private", "/start") }, "ابدأ"));
  }
  if (tab === "inline") {
    panel.input.addEventListener("input", () => scheduleInlineQuery(panel.input.value));
    extras.push(h("p", { class: "privacy-note" }, `البوت ليس عضوًا في هذه المحادثة: اكتب ‎@${world.bot.username}‎ وسؤالك، ثم اختر اقتباسًا لإرساله.`));
  }
  panel.root.append(head, ...extras, panel.messages, panel.startBar ?? "", panel.results, panel.menu, panel.replyBar, form);
  panels[tab] = panel;
  renderCommandMenu(tab);
  return panel.root;
}

function upsert(tab, message, elapsedMs) {
  const chat = chats[tab];
  const panel = panels[tab];
  const node = renderMessage(tab, message, elapsedMs);
  const existing = chat.messages.get(message.message_id);
  chat.messages.set(message.message_id, { message, node });
  if (existing) existing.node.replaceWith(node);
  else {
    panel.messages.append(node);
    panel.messages.scrollTop = panel.messages.scrollHeight;
  }
  if (panel.startBar) panel.startBar.hidden = chat.messages.size > 0;
}

function renderMessage(tab, message, elapsedMs) {
  const fromBot = message.from?.id === world.bot.id;
  const mine = !fromBot && message.from?.id === world.me.id;
  const keyboard = message.reply_markup?.inline_keyboard ?? [];
  const text = h("div", { class: "text", dir: "auto" }, toDom(renderEntities(message.text ?? "", message.entities)));
  text.addEventListener("click", (e) => {
    const quote = e.target.closest?.("blockquote.expandable");
    if (quote) quote.classList.toggle("open");
    const spoiler = e.target.closest?.(".tg-spoiler");
    if (spoiler) spoiler.classList.add("revealed");
  });
  const time = new Date(message.date * 1000).toLocaleTimeString("ar", { hour: "2-digit", minute: "2-digit" });
  const reply = message.reply_to_message;
  return h(
    "div",
    { class: `message ${mine ? "out" : "in"}${fromBot ? " from-bot" : ""}`, "data-id": String(message.message_id) },
    h(
      "div",
      { class: "bubble" },
      tab === "group" && !mine ? h("div", { class: "sender" }, nameOf(message.from)) : undefined,
      message.via_bot ? h("div", { class: "via" }, `عبر ‎@${message.via_bot.username}‎`) : undefined,
      reply ? h("div", { class: "reply-quote", dir: "auto" }, h("b", {}, nameOf(reply.from)), " ", (reply.text ?? "").slice(0, 80)) : undefined,
      text,
      h("div", { class: "meta" }, message.edit_date ? "معدّلة · " : "", time),
    ),
    keyboard.length > 0
      ? h("div", { class: "keyboard" }, keyboard.map((row) => h("div", { class: "keyboard-row" }, row.map((button) => renderButton(tab, message, button)))))
      : undefined,
    // A message sent inline is yours, but its edits are the bot's answers to your presses.
    (fromBot || message.via_bot) && elapsedMs !== undefined
      ? h("div", { class: "elapsed", "data-testid": "elapsed" }, elapsedText(elapsedMs))
      : undefined,
    tab !== "inline"
      ? h("button", { type: "button", class: "reply-button", "aria-label": "ردّ", onclick: () => setReply(tab, message) }, "ردّ")
      : undefined,
  );
}

function renderButton(tab, message, button) {
  if (button.callback_data !== undefined) {
    return h("button", { type: "button", class: "inline-button", onclick: () => attempt(() => post("/api/press", { tab, messageId: message.message_id, data: button.callback_data })) }, button.text);
  }
  const href = button.url && safeUrl(button.url);
  if (href) return h("a", { class: "inline-button", href, target: "_blank", rel: "noopener noreferrer" }, button.text);
  return h("button", { type: "button", class: "inline-button", disabled: true, title: "لا يعمل هذا الزر في ساحة التجربة" }, button.text);
}

function setReply(tab, message) {
  const panel = panels[tab];
  chats[tab].replyTo = message.message_id;
  panel.replyBar.replaceChildren(
    h("span", {}, "ردًّا على ", h("b", {}, nameOf(message.from)), ": ", (message.text ?? "").slice(0, 60)),
    h("button", { type: "button", class: "cancel-reply", "aria-label": "إلغاء الرد", onclick: () => clearReply(tab) }, "✕"),
  );
  panel.replyBar.hidden = false;
  panel.input.focus();
}

function clearReply(tab) {
  chats[tab].replyTo = undefined;
  panels[tab].replyBar.hidden = true;
}

function send(tab, text) {
  const panel = panels[tab];
  const body = { tab, text, from: tab === "group" ? panel.from : world.me.id, replyTo: chats[tab].replyTo };
  clearReply(tab);
  return attempt(() => post("/api/send", body));
}

function submit(tab) {
  const panel = panels[tab];
  const text = panel.input.value;
  if (tab === "inline") {
    const first = panel.results.querySelector(".inline-result");
    if (first) first.click();
    else showToast(`اكتب ‎@${world.bot.username}‎ ثم سؤالك، واختر نتيجة من القائمة.`);
    return;
  }
  if (text.trim() === "") return;
  panel.input.value = "";
  panel.menu.hidden = true;
  void send(tab, text);
}

// ---- the command menu (setMyCommands) ------------------------------------------

function renderCommandMenu(tab) {
  if (tab === "inline") return;
  const commands = tab === "private" ? world.commands.private : world.commands.group;
  panels[tab].menu.replaceChildren(
    ...commands.map(({ command, description }) =>
      h(
        "button",
        { type: "button", class: "command", onclick: () => pickCommand(tab, command) },
        h("span", { class: "command-name", dir: "ltr" }, `/${command}`),
        h("span", { class: "command-description" }, description),
      ),
    ),
  );
}

function toggleMenu(tab) {
  panels[tab].menu.hidden = !panels[tab].menu.hidden;
}

/** Like Telegram: a command is sent at once; /ask waits for its question. */
function pickCommand(tab, command) {
  const panel = panels[tab];
  panel.menu.hidden = true;
  const full = tab === "group" ? `/${command}@${world.bot.username}` : `/${command}`;
  if (command === "ask") {
    panel.input.value = `${full} `;
    panel.input.focus();
  } else void send(tab, full);
}

// ---- inline mode -----------------------------------------------------------------

let inlineTimer;
function scheduleInlineQuery(value) {
  clearTimeout(inlineTimer);
  const prefix = `@${world.bot.username}`;
  const results = panels.inline.results;
  if (!value.toLowerCase().startsWith(prefix.toLowerCase()) || (value.length > prefix.length && value[prefix.length] !== " ")) {
    results.hidden = true;
    return;
  }
  inlineTimer = setTimeout(() => void askInline(value.slice(prefix.length).trim()), INLINE_DEBOUNCE_MS);
}

async function askInline(query) {
  const request = ++latestInlineRequest;
  const answer = await post("/api/inline", { query }).catch((error) => (showToast(error.message), undefined));
  if (!answer || request !== latestInlineRequest) return; // a newer query is on its way
  const results = panels.inline.results;
  const switchButton = answer.button
    ? [h("button", { type: "button", class: "inline-switch", onclick: () => (selectTab("private"), send("private", "/start help")) }, answer.button.text)]
    : [];
  results.replaceChildren(
    ...switchButton,
    ...answer.results.map((result) =>
      h(
        "button",
        { type: "button", class: "inline-result", onclick: () => pickInline(answer.queryId, result.id) },
        h("span", { class: "inline-title", dir: "auto" }, result.title),
        result.description ? h("span", { class: "inline-description", dir: "auto" }, result.description) : undefined,
      ),
    ),
    h("div", { class: "elapsed" }, elapsedText(answer.elapsedMs)),
  );
  results.hidden = false;
}

function pickInline(queryId, resultId) {
  const panel = panels.inline;
  panel.results.hidden = true;
  panel.input.value = "";
  latestInlineRequest++;
  void attempt(() => post("/api/inline/pick", { queryId, resultId }));
}

// ---- tabs and toasts ------------------------------------------------------------

function selectTab(tab) {
  activeTab = tab;
  for (const other of TABS) {
    document.getElementById(`tab-${other}`).setAttribute("aria-selected", String(other === tab));
    panels[other].root.hidden = other !== tab;
  }
  // Opening the group the first time is adding the bot to it: it greets the group.
  if (tab === "group" && !world.groupJoined) {
    world.groupJoined = true;
    void attempt(() => post("/api/group/open", {}));
  }
  panels[tab].input.focus();
}

let toastTimer;
function showToast(text) {
  const toast = document.querySelector(".toast");
  toast.textContent = text;
  toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (toast.hidden = true), 3000);
}

// ---- start ---------------------------------------------------------------------------

async function start() {
  // Events first, then the state: nothing the bot does in between is missed (upserts are idempotent).
  const events = new EventSource("/api/events");
  events.onmessage = (e) => onEvent(JSON.parse(e.data));
  world = await (await fetch("/api/state")).json();
  const container = document.getElementById("panels");
  for (const tab of TABS) container.append(buildPanel(tab));
  for (const tab of TABS) for (const { message, elapsedMs } of world.chats[tab]) upsert(tab, message, elapsedMs);
  for (const button of document.querySelectorAll("[role=tab]")) button.addEventListener("click", () => selectTab(button.dataset.tab));
  document.body.dataset.ready = "true";
  selectTab(activeTab);
}

void start();

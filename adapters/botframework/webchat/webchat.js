// Daftar's local web chat. It speaks the Bot Framework protocol like Teams does: each message is an
// activity POSTed to /api/messages, and the bot's activities come back through this server's
// connector, read here by long-poll. Plain ES2017 (no build step, no optional chaining) so older
// phone browsers run it. Nothing is kept beyond this tab (sessionStorage).
(function () {
  'use strict';
  var store = window.sessionStorage;
  var $ = function (id) { return document.getElementById(id); };
  var session = read('daftar.session');
  var employee = read('daftar.employee');
  var after = 0;
  var replyTo = null;
  var typing = null;

  function read(key) { try { return JSON.parse(store.getItem(key) || 'null'); } catch (e) { console.warn('daftar: ignoring unreadable ' + key, e); return null; } }
  function write(key, value) { store.setItem(key, JSON.stringify(value)); }

  // crypto.randomUUID needs a secure context; a phone on the LAN opens plain http.
  function newId() {
    var bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    return 'm' + Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  function api(method, path, body) {
    var headers = { authorization: 'Bearer ' + session.token };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return fetch(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) }).then(function (res) {
      if (res.status === 401) { restart('The server was restarted; start again. · सर्वर फिर से शुरू हुआ।'); throw new Error('session expired'); }
      // /api/messages answers 200 with no body, as the Bot Framework protocol does.
      return res.text().then(function (text) {
        var json = text ? JSON.parse(text) : {};
        if (!res.ok) throw new Error(json.error || res.status);
        return json;
      });
    });
  }

  function restart(why) {
    store.clear();
    if (why) store.setItem('daftar.notice', why);
    location.reload();
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function scroll() { var log = $('log'); log.scrollTop = log.scrollHeight; }

  function system(text) { $('log').appendChild(el('li', 'sys', text)); scroll(); }

  // ---- choosing a demo employee ----

  function showPicker() {
    $('picker').hidden = false;
    $('chat').hidden = true;
    fetch('/api/demo-staff').then(function (r) { return r.ok ? r.json() : []; }).then(function (staff) {
      var list = $('staff');
      function render() {
        var q = $('filter').value.trim().toLowerCase();
        list.textContent = '';
        staff.filter(function (e) { return !q || (e.code + ' ' + e.name + ' ' + e.post + ' ' + e.section).toLowerCase().indexOf(q) >= 0; })
          .forEach(function (e) {
            var b = el('button');
            b.type = 'button';
            b.appendChild(el('span', 'name', e.name));
            b.appendChild(el('span', 'meta', e.post + ' · ' + e.section + ' · ' + e.code));
            b.onclick = function () { pick(e, b); };
            var li = el('li');
            li.appendChild(b);
            list.appendChild(li);
          });
      }
      $('filter').oninput = render;
      render();
    });
  }

  function pick(e, button) {
    button.disabled = true;
    api('POST', '/api/demo-login', { conversationId: session.conversationId, code: e.code }).then(function () {
      employee = e;
      write('daftar.employee', e);
      showChat();
      system('Chatting as ' + e.name + ' (' + e.post + '). Type “help” to begin. · “help” लिखें।');
    }).catch(function (err) { button.disabled = false; alert('Could not link: ' + err.message); });
  }

  // ---- the conversation ----

  function showChat() {
    $('picker').hidden = true;
    $('chat').hidden = false;
    $('who').textContent = employee ? employee.name + ' · ' + employee.post : 'Not linked · link <code>';
    $('demo-banner').hidden = !employee;
    $('switch').hidden = false;
    $('text').focus();
  }

  function activity(extra) {
    var a = {
      type: 'message', id: newId(), timestamp: new Date().toISOString(), channelId: 'webchat',
      // The server answers through its own connector whatever this says; it is here because the protocol has it.
      serviceUrl: location.origin + '/webchat/connector',
      from: { id: session.userId, name: employee ? employee.name : 'Web chat' },
      recipient: { id: 'daftar', name: 'Daftar' },
      conversation: { id: session.conversationId },
      locale: navigator.language || 'en-IN',
    };
    Object.keys(extra).forEach(function (k) { if (extra[k] !== undefined) a[k] = extra[k]; });
    if (replyTo) { a.replyToId = replyTo.id; setReplyTo(null); }
    return a;
  }

  // A message that did not get through is sent again as the same activity (same id): the server
  // acts on an id once and answers a repeat from its record, so trying again never does it twice.
  var RETRY_DELAYS_MS = [1000, 3000, 7000];

  function post(a, attempt) {
    return api('POST', '/api/messages', a).catch(function (error) {
      if (String(error && error.message) === 'session expired' || attempt >= RETRY_DELAYS_MS.length) throw error;
      return new Promise(function (resolve) { setTimeout(resolve, RETRY_DELAYS_MS[attempt]); })
        .then(function () { return post(a, attempt + 1); });
    });
  }

  function send(extra) {
    var a = activity(extra);
    var node = render(a, true);
    $('actions').textContent = '';
    return deliver(a, node);
  }

  function deliver(a, node) {
    showTyping(true);
    node.classList.add('pending');
    node.classList.remove('failed');
    var old = node.querySelector('.retry');
    if (old) old.remove();
    return post(a, 0).then(function () {
      node.classList.remove('pending');
    }).catch(function () {
      node.classList.remove('pending');
      node.classList.add('failed');
      var chip = el('button', 'chip retry', 'Not sent — tap to try again · नहीं भेजा गया — फिर भेजने के लिए छुएँ');
      chip.type = 'button';
      chip.addEventListener('click', function () { deliver(a, node); });
      node.appendChild(chip);
    }).then(function () { showTyping(false); });
  }

  function showTyping(on) {
    if (typing) { typing.remove(); typing = null; }
    if (on) { typing = el('li', 'typing', '…'); $('log').appendChild(typing); scroll(); }
  }

  function setReplyTo(a) {
    replyTo = a;
    $('replying').hidden = !a;
    $('replying-text').textContent = a ? (a.text || '').split('\n')[0] : '';
    if (a) $('text').focus();
  }

  var rendered = {};
  var texts = {};

  function render(a, pending) {
    var mine = a.from && a.from.id === session.userId;
    var existing = rendered[a.id];
    if (existing) return existing;
    var li = el('li', 'msg ' + (mine ? 'user' : 'bot') + (pending ? ' pending' : ''));
    // The bot answers every message as a reply to it; only the user's replies to a bot message are worth quoting.
    if (mine && a.replyToId && texts[a.replyToId]) li.appendChild(el('span', 'quote', texts[a.replyToId].split('\n')[0]));
    var shown = a.text || (a.channelData && a.channelData.displayText) || '';
    if (shown) li.appendChild(el('div', 'body', shown));
    (a.attachments || []).forEach(function (att) { li.appendChild(attachment(att, mine)); });
    if (!mine) {
      var reply = el('button', 'reply', '↩ Reply · उत्तर');
      reply.type = 'button';
      reply.onclick = function () { setReplyTo(a); };
      li.appendChild(reply);
    }
    rendered[a.id] = li;
    texts[a.id] = shown;
    var log = $('log');
    log.insertBefore(li, typing && typing.parentNode === log ? typing : null);
    scroll();
    return li;
  }

  function attachment(att, mine) {
    var url = att.contentUrl || '';
    if (/^image\//.test(att.contentType) && url.indexOf('data:') === 0) {
      var img = el('img');
      img.src = url;
      img.alt = att.name || 'image';
      return img;
    }
    if (mine || !url) return el('div', 'chip', '📎 ' + (att.name || att.contentType));
    var b = el('button', 'file', '⬇ ' + (att.name || 'document') + ' — Download · डाउनलोड');
    b.type = 'button';
    b.onclick = function () { download(url, att.name || 'document', att.contentType); };
    return b;
  }

  // A Blob link rather than navigating to the data: URL, which browsers refuse at the top level.
  function download(dataUrl, name, type) {
    var base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
    var raw = atob(base64);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    var href = URL.createObjectURL(new Blob([bytes], { type: type }));
    var a = el('a');
    a.href = href;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(href); }, 60000);
  }

  function showActions(a) {
    var row = $('actions');
    row.textContent = '';
    ((a.suggestedActions && a.suggestedActions.actions) || []).forEach(function (action) {
      var b = el('button', '', action.title);
      b.type = 'button';
      // A postBack: the command goes as the activity's value; the label is what the transcript shows.
      b.onclick = function () { send({ value: action.value, channelData: { postBack: true, displayText: action.title } }); };
      row.appendChild(b);
    });
  }

  function poll() {
    var url = '/webchat/activities?conversation=' + encodeURIComponent(session.conversationId) + '&after=' + after;
    api('GET', url).then(function (result) {
      result.activities.forEach(function (item) {
        var a = item.activity;
        if (a.type !== 'message') return;
        var mine = a.from && a.from.id === session.userId;
        render(a, false);
        if (!mine) { showTyping(false); showActions(a); }
      });
      after = result.next;
      poll();
    }).catch(function (err) {
      if (err.message !== 'session expired') setTimeout(poll, 2000);
    });
  }

  function readFile(file) {
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onload = function () { resolve(reader.result); };
      reader.onerror = function () { reject(reader.error); };
      reader.readAsDataURL(file);
    });
  }

  function sendFiles(files) {
    var list = Array.prototype.slice.call(files);
    var big = list.filter(function (f) { return f.size > session.maxUploadBytes; });
    if (big.length) { system(big[0].name + ' is too large to send. · फ़ाइल बहुत बड़ी है।'); return; }
    Promise.all(list.map(readFile)).then(function (urls) {
      var caption = $('text').value.trim();
      $('text').value = '';
      send({
        text: caption || undefined,
        attachments: list.map(function (f, i) { return { contentType: f.type || 'application/octet-stream', contentUrl: urls[i], name: f.name }; }),
      });
    });
  }

  function start() {
    var notice = store.getItem('daftar.notice');
    $('composer').onsubmit = function (e) {
      e.preventDefault();
      var text = $('text').value.trim();
      if (!text) return;
      $('text').value = '';
      send({ text: text });
    };
    $('file').onchange = function () { if (this.files.length) sendFiles(this.files); this.value = ''; };
    $('replying-cancel').onclick = function () { setReplyTo(null); };
    $('switch').onclick = function () { restart(null); };
    $('unlinked').onclick = function () {
      store.setItem('daftar.unlinked', '1');
      showChat();
      system('Not linked yet. Send “link <your employee code>” and the OTP you receive. · “link <कर्मचारी कोड>” भेजें।');
    };
    fontsReady().then(function () {
      if (session.demo && !employee && !store.getItem('daftar.unlinked')) showPicker();
      else showChat();
      if (notice) { store.removeItem('daftar.notice'); system(notice); }
      if (!session.demo && !employee) system('To begin, send “link <your employee code>” and then the OTP you receive. · “link <कर्मचारी कोड>” भेजें।');
      poll();
    });
  }

  // Chromium left the first Devanagari line it laid out as empty boxes when the font arrived only
  // after that layout; so the Devanagari face (the system's own, or ours) is ready before the chat
  // shows. Never waits more than two seconds.
  function fontsReady() {
    if (!document.fonts || !document.fonts.load) return Promise.resolve();
    var load = Promise.all([document.fonts.load('400 16px "Daftar Devanagari"', 'क'), document.fonts.load('700 16px "Daftar Devanagari"', 'क')]);
    return Promise.race([load, new Promise(function (resolve) { setTimeout(resolve, 2000); })]).catch(function () {});
  }

  // A new chat; the server limits how many one address may open, and says when to ask again.
  function newSession() {
    fetch('/webchat/session', { method: 'POST' }).then(function (r) {
      if (r.status === 429) {
        var wait = Number(r.headers.get('retry-after')) || 60;
        system('Too many new chats from this network just now; trying again in ' + wait + ' s. · इस नेटवर्क से अभी बहुत सारी नई चैट खोली गईं; ' + wait + ' सेकंड बाद फिर प्रयास होगा।');
        setTimeout(newSession, wait * 1000);
        return;
      }
      return r.json().then(function (s) {
        session = s;
        write('daftar.session', s);
        start();
      });
    });
  }

  if (session) start();
  else newSession();
})();

// Daftar's local web chat. It speaks the Bot Framework protocol like Teams does: each message is an
// activity POSTed to /api/messages, and the bot's activities come back through this server's
// connector, read here by long-poll. Plain ES2017 (no build step, no optional chaining) so older
// phone browsers run it. Nothing is kept beyond this tab (sessionStorage).
//
// Every bot message keeps its own buttons until one of them is pressed (the choice is made) or a
// later message offers the same command again (that one is the live offer). Symbols that need an
// emoji font (📁 🎓 🔔 ✍️ …) are drawn as inline SVG icons, so a machine without one shows them too.
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
        var words = q.split(/\s+/).filter(Boolean);
        // The server gives each person their search terms: code, name (in both scripts), the post in
        // English and Hindi with its usual short forms (DDC, SO, clerk…), and the section.
        staff.filter(function (e) {
          var terms = (e.search || (e.code + ' ' + e.name + ' ' + e.post + ' ' + e.section)).toLowerCase();
          return words.every(function (w) { return terms.indexOf(w) >= 0; });
        })
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
      employee = { code: e.code, name: e.name, post: e.post, section: e.section };
      write('daftar.employee', employee);
      join();
      showChat();
      system('Chatting as ' + e.name + ' (' + e.post + '). Type “help” to begin. · “help” लिखें।');
    }).catch(function (err) { button.disabled = false; alert('Could not link: ' + err.message); });
  }

  // ---- the conversation ----

  // Tells the bot this tab is open, as Bot Framework Web Chat does when it joins a conversation:
  // the bot keeps the conversation's address, so notifications come here at once, before the
  // person has typed anything. Not a message: nothing is shown or answered.
  function join() {
    var a = activity({ type: 'event', name: 'webchat/join' });
    delete a.replyToId;
    return post(a, 0).catch(function (err) { console.warn('daftar: could not announce this tab', err); });
  }

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
    if (replyTo && a.type === 'message') { a.replyToId = replyTo.id; setReplyTo(null); }
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
    if (shown) li.appendChild(withIcons(el('div', 'body'), shown));
    (a.attachments || []).forEach(function (att) { li.appendChild(attachment(att, mine)); });
    if (!mine) {
      li.appendChild(actionsOf(a));
      var reply = el('button', 'reply');
      reply.type = 'button';
      reply.appendChild(icon('reply'));
      reply.appendChild(document.createTextNode(' Reply · उत्तर'));
      reply.onclick = function () { setReplyTo(a); };
      li.appendChild(reply);
    } else if (a.channelData && a.channelData.buttonsOf) {
      // A press (also one replayed after a reload) uses up that message's buttons.
      used(a.channelData.buttonsOf, a.value);
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
    if (mine || !url) {
      var chip = el('div', 'chip');
      chip.appendChild(icon('paperclip'));
      chip.appendChild(document.createTextNode(' ' + (att.name || att.contentType)));
      return chip;
    }
    var b = el('button', 'file');
    b.appendChild(icon('download'));
    b.appendChild(document.createTextNode(' ' + (att.name || 'document') + ' — Download · डाउनलोड'));
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

  // ---- buttons: each message's own, usable until used or offered again ----

  var offers = {}; // command -> the buttons offering it, oldest first
  var rows = {}; // message id -> its row of buttons

  function actionsOf(a) {
    var row = el('div', 'actions');
    rows[a.id] = row;
    ((a.suggestedActions && a.suggestedActions.actions) || []).forEach(function (action) {
      var b = el('button', '');
      withIcons(b, action.title);
      b.type = 'button';
      b.setAttribute('data-command', action.value);
      // A postBack: the command goes as the activity's value; the label is what the transcript
      // shows; buttonsOf says which message's buttons were used.
      b.onclick = function () {
        used(a.id, action.value);
        send({ value: action.value, channelData: { postBack: true, displayText: action.title, buttonsOf: a.id } });
      };
      // The same command offered again: the earlier button is out of date, the new one is live.
      (offers[action.value] || []).forEach(function (old) { outOfDate(old); });
      (offers[action.value] = offers[action.value] || []).push(b);
      row.appendChild(b);
    });
    return row;
  }

  function outOfDate(b) {
    if (b.disabled) return;
    b.disabled = true;
    b.classList.add('stale');
    b.title = 'Offered again below · नीचे फिर से दिया गया है';
  }

  /** One of the message's buttons was pressed: the choice is made, so all of them are spent. */
  function used(messageId, command) {
    var row = rows[messageId];
    if (!row) return;
    row.classList.add('used');
    Array.prototype.forEach.call(row.querySelectorAll('button'), function (b) {
      b.disabled = true;
      if (b.getAttribute('data-command') === command) { b.classList.add('chosen'); b.setAttribute('aria-pressed', 'true'); }
    });
  }

  // ---- icons instead of emoji ----

  // 24×24 line drawings, stroked in the text's colour. Each emoji the bot uses has one; any other
  // emoji outside the Basic Multilingual Plane gets a plain dot rather than an empty box.
  var SHAPES = {
    folder: ['M3 7.5A1.5 1.5 0 0 1 4.5 6h4.2l2 2h8.8A1.5 1.5 0 0 1 21 9.5v8A1.5 1.5 0 0 1 19.5 19h-15A1.5 1.5 0 0 1 3 17.5z'],
    mail: ['M3.5 6h17v12h-17z', 'M3.5 6.5l8.5 7 8.5-7'],
    check: ['M5 12.5l4.5 4.5L19 7.5'],
    checkbox: ['M4 4h16v16H4z', 'M7.5 12.5l3 3 6-6.5'],
    cross: ['M6 6l12 12', 'M18 6L6 18'],
    pen: ['M4 20l1-4L16.5 4.5l3 3L8 19z', 'M14.5 6.5l3 3', 'M4 20h7'],
    cap: ['M2 9.5L12 5l10 4.5L12 14z', 'M6 11.5v4.5c3 2.2 9 2.2 12 0v-4.5', 'M22 9.5v5'],
    bell: ['M6 16.5V11a6 6 0 0 1 12 0v5.5l1.5 1.5h-15z', 'M10 20a2 2 0 0 0 4 0'],
    calendar: ['M4 6h16v14H4z', 'M4 10h16', 'M8 3.5v4', 'M16 3.5v4'],
    car: ['M3.5 16.5v-4l2.2-5h12.6l2.2 5v4z', 'M3.5 12.5h17', 'M7 16.5v2.5', 'M17 16.5v2.5'],
    money: ['M7 5h10', 'M7 9h10', 'M9.5 5c5 0 5 8 0 8H7l8 6.5'],
    megaphone: ['M3.5 10v4h3l8.5 4.5v-13L6.5 10z', 'M18 9a4 4 0 0 1 0 6'],
    clock: ['M12 21a8.5 8.5 0 1 0 0-17 8.5 8.5 0 0 0 0 17z', 'M12 8.5v4.5l3 2', 'M4 4.5l2.5-2', 'M20 4.5l-2.5-2'],
    star: ['M12 3.5l2.5 5.3 5.8.7-4.3 4 1.2 5.8L12 16.4l-5.2 2.9 1.2-5.8-4.3-4 5.8-.7z'],
    page: ['M6 3h8.5L18 6.5V21H6z', 'M14 3v4h4', 'M9 12h6', 'M9 16h6'],
    warning: ['M12 3.5l9.5 17h-19z', 'M12 10v4.5', 'M12 17.5v.5'],
    alert: ['M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z', 'M12 7.5v6', 'M12 16.5v.5'],
    hourglass: ['M6.5 3.5h11', 'M6.5 20.5h11', 'M7.5 3.5c0 5 9 5 9 8.5s-9 3.5-9 8.5', 'M16.5 3.5c0 5-9 5-9 8.5s9 3.5 9 8.5'],
    memo: ['M6 3h12v18H6z', 'M9 8h6', 'M9 12h6', 'M9 16h3'],
    paperclip: ['M16.5 6.5v10a4.5 4.5 0 0 1-9 0V5a3 3 0 0 1 6 0v10.5a1.5 1.5 0 0 1-3 0V6.5'],
    thumb: ['M7 11v9H3.5v-9z', 'M7 11l4-7c1.5 0 2.6 1.2 2.2 3l-.7 3h5.6a2 2 0 0 1 2 2.3l-1.1 6A2 2 0 0 1 17 20H7'],
    download: ['M12 4v12', 'M6.5 11l5.5 5.5 5.5-5.5', 'M5 20h14'],
    reply: ['M9.5 6.5L4 12l5.5 5.5', 'M4 12h10a6 6 0 0 1 6 6v1'],
    dot: ['M12 16a4 4 0 1 0 0-8 4 4 0 0 0 0 8z'],
  };
  var EMOJI = {
    '\uD83D\uDCC1': ['folder', 'file · संचिका'], '\uD83D\uDCC2': ['folder', 'file · संचिका'],
    '\uD83D\uDCE8': ['mail', 'receipt · प्राप्ति'], '\uD83D\uDCE9': ['mail', 'mail'], '\u2709': ['mail', 'message · संदेश'],
    '\u2705': ['checkbox', 'done · हो गया'], '\u2611': ['checkbox', 'done · हो गया'], '\u2714': ['check', 'yes · हाँ'], '\u2713': ['check', 'yes · हाँ'],
    '\u274C': ['cross', 'no · नहीं'], '\u2716': ['cross', 'no · नहीं'], '\u2717': ['cross', 'no · नहीं'],
    '\u270D': ['pen', 'signed · हस्ताक्षरित'], '\uD83C\uDF93': ['cap', 'training · प्रशिक्षण'], '\uD83D\uDD14': ['bell', 'notification · सूचना'],
    '\uD83D\uDDD3': ['calendar', 'leave · छुट्टी'], '\uD83D\uDCC5': ['calendar', 'date · तारीख'], '\uD83D\uDCC6': ['calendar', 'date · तारीख'],
    '\uD83D\uDE97': ['car', 'tour · दौरा'], '\uD83D\uDCB0': ['money', 'money · राशि'], '\uD83D\uDCE2': ['megaphone', 'circular · परिपत्र'],
    '\u23F0': ['clock', 'reminder · स्मरण'], '\uD83C\uDF89': ['star', 'well done · बधाई'], '\uD83D\uDCC4': ['page', 'document · दस्तावेज़'],
    '\u26A0': ['warning', 'note · ध्यान दें'], '\uD83D\uDCCE': ['paperclip', 'attachment · संलग्न'], '\uD83D\uDC4D': ['thumb', 'ok · ठीक'],
    '\u2B07': ['download', 'download · डाउनलोड'], '\u21A9': ['reply', 'reply · उत्तर'],
    '\uD83D\uDD34': ['alert', 'overdue · समय समाप्त'], '\u23F3': ['hourglass', 'waiting · प्रतीक्षा'],
    '\uD83D\uDCDD': ['memo', 'note · टिप्पणी'],
  };
  // Known symbols, then any other emoji of the supplementary planes; a variation selector after either goes with it.
  var SYMBOLS = new RegExp('(' + Object.keys(EMOJI).sort(function (x, y) { return y.length - x.length; }).join('|')
    + '|[\\uD83C-\\uD83E][\\uDC00-\\uDFFF])[\\uFE0E\\uFE0F]?', 'g');
  var SVG = 'http://www.w3.org/2000/svg';

  function icon(name, label) {
    var svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('class', 'icon icon-' + name);
    if (label) { svg.setAttribute('role', 'img'); svg.setAttribute('aria-label', label); } else svg.setAttribute('aria-hidden', 'true');
    (SHAPES[name] || SHAPES.dot).forEach(function (d) {
      var path = document.createElementNS(SVG, 'path');
      path.setAttribute('d', d);
      svg.appendChild(path);
    });
    return svg;
  }

  /** The text into the node, each emoji drawn as an icon. */
  function withIcons(node, text) {
    var at = 0;
    String(text).replace(SYMBOLS, function (match, symbol, offset) {
      if (offset > at) node.appendChild(document.createTextNode(text.slice(at, offset)));
      var known = EMOJI[symbol];
      node.appendChild(icon(known ? known[0] : 'dot', known ? known[1] : 'symbol'));
      at = offset + match.length;
      return match;
    });
    if (at < text.length) node.appendChild(document.createTextNode(text.slice(at)));
    return node;
  }

  function poll() {
    var url = '/webchat/activities?conversation=' + encodeURIComponent(session.conversationId) + '&after=' + after;
    api('GET', url).then(function (result) {
      result.activities.forEach(function (item) {
        var a = item.activity;
        if (a.type !== 'message') return;
        var mine = a.from && a.from.id === session.userId;
        render(a, false);
        if (!mine) showTyping(false);
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
      // A tab opened again (reload) announces itself again: this server may have restarted since.
      if (employee) join();
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

/* aloud player: <aloud-player article="ID">. Vanilla JS, no cookies, no
   third-party requests. Read-along marks [data-aloud-title] and
   [data-aloud-block="N"] elements of the page. MIT licence. */
(() => {
'use strict';
if (customElements.get('aloud-player')) return;
const doc = document;
const me = doc.currentScript;
const BASE = me && me.src ? me.src.replace(/\/player\.js([?#].*)?$/, '') : '';
const SPEEDS = [0.75, 1, 1.25, 1.5, 1.75, 2];
const STYLE = `:host{display:block;--a:var(--aloud-accent,#0b57d0);--fg:#1a1a1a;--mu:#555;--bg:#f4f4f5;--bd:#c4c4c8;font:16px/1.4 system-ui,"Liberation Sans",Arial,sans-serif;color:var(--fg);margin:.5rem 0 1rem}
@media (prefers-color-scheme:dark){:host{--a:var(--aloud-accent,#8ab4f8);--fg:#e8e8e8;--mu:#b0b0b0;--bg:#1f1f22;--bd:#55555a}}
.p{background:var(--bg);border:1px solid var(--bd);border-radius:12px;padding:10px 12px;display:flex;flex-direction:column;gap:8px}
.row{display:flex;flex-wrap:wrap;align-items:center;gap:6px}
button,select,a.b{font:inherit;color:var(--fg);background:transparent;border:1px solid var(--bd);border-radius:8px;min-height:44px;min-width:44px;padding:0 10px;cursor:pointer;display:inline-flex;align-items:center;justify-content:center;gap:6px;text-decoration:none}
button.play{background:var(--a);border-color:var(--a);color:#fff;font-weight:600;padding:0 16px}
@media (prefers-color-scheme:dark){button.play{color:#000}}
svg{width:18px;height:18px;fill:currentColor}
:focus-visible{outline:3px solid var(--a);outline-offset:2px}
.seekw{display:flex;align-items:center;gap:8px;min-width:0}
input[type=range]{flex:1;min-width:80px;accent-color:var(--a);height:44px;margin:0}
.t{font-variant-numeric:tabular-nums;color:var(--mu);font-size:14px;white-space:nowrap}
.disc{font-size:14px;color:var(--mu)}
.disc a,.lk{color:var(--a);background:none;border:0;padding:0;min-height:0;min-width:0;font-size:14px;text-decoration:underline;display:inline}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
form{border-top:1px solid var(--bd);padding-top:8px;display:flex;flex-direction:column;gap:8px}
fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 14px}
legend{font-weight:600;margin-bottom:4px}
fieldset label{display:inline-flex;align-items:center;gap:6px;min-height:32px}
textarea{font:inherit;color:var(--fg);background:transparent;border:1px solid var(--bd);border-radius:8px;width:100%;min-height:4em;padding:6px}
.hp{display:none}
.msg{margin:0;font-size:14px}
[hidden]{display:none!important}
@media (prefers-reduced-motion:reduce){*{transition:none!important;animation:none!important}}`;
const ICON_PLAY = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M7 4v16l13-8z"/></svg>';
const ICON_PAUSE = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6 4h4v16H6zM14 4h4v16h-4z"/></svg>';
const svg = (d) => `<svg viewBox="0 0 24 24" aria-hidden="true"><path d="${d}"/></svg>`;
const HTML = `<div class="p" role="group"><div class="row">
<button type="button" class="play"><span class="ic">${ICON_PLAY}</span><span class="pl"></span></button>
<button type="button" class="back">−15</button><button type="button" class="fwd">+15</button>
<button type="button" class="prev">${svg('M6 5h2v14H6zM20 5v14L9 12z')}</button><button type="button" class="next">${svg('M16 5h2v14h-2zM4 5v14l11-7z')}</button>
<label class="sr" for="sp"></label><select id="sp" class="speed"></select>
<a class="b dl" download>${svg('M11 4h2v9l3-3 1.4 1.4-5.4 5.4-5.4-5.4L8 10l3 3zM5 18h14v2H5z')}</a></div>
<div class="seekw"><input type="range" class="seek" min="0" max="1000" step="1" value="0"><span class="t"><span class="cur">0:00</span> / <span class="dur">0:00</span></span></div>
<p class="disc" hidden><span class="dt"></span> <a class="more"></a><span class="fbw"> <span aria-hidden="true">|</span> <button type="button" class="lk fbo"></button></span></p>
<form class="fb" hidden novalidate><fieldset><legend></legend></fieldset>
<label><span class="nl"></span><textarea name="note" maxlength="1000" rows="3"></textarea></label>
<div class="hp" aria-hidden="true"><label>Website <input name="website" tabindex="-1" autocomplete="off"></label></div>
<div class="row"><button type="submit" class="send"></button><button type="button" class="cancel"></button></div>
<p class="msg" role="status"></p></form>
<div class="sr live" role="status" aria-live="polite"></div></div>`;

const fmt = (s) => {
  s = Math.max(0, Math.floor(s || 0));
  const h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60, x = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${x}` : `${m}:${x}`;
};

// u16 maps UTF-8 byte offsets of str to UTF-16 indexes: timeline spans are
// bytes, the DOM counts UTF-16 code units. Built once per element.
const u16 = (str) => {
  const m = new Int32Array(str.length * 4 + 2).fill(-1);
  let b = 0;
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    m[b] = i;
    if (c < 0x80) b += 1;
    else if (c < 0x800) b += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < str.length) { b += 4; i++; }
    else b += 3;
  }
  m[b] = str.length;
  return (off) => {
    off = Math.min(Math.max(off, 0), b);
    while (off > 0 && m[off] < 0) off--;
    return Math.max(m[off], 0);
  };
};

const textNodes = (el) => {
  const w = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT), out = [];
  let p = 0, n;
  while ((n = w.nextNode())) { out.push({ n, p }); p += n.data.length; }
  return out;
};

// rangeAt is a DOM Range over UTF-16 [s, e) of el's text.
const rangeAt = (el, s, e) => {
  const r = doc.createRange();
  let set = 0;
  for (const { n, p } of textNodes(el)) {
    const L = n.data.length;
    if (!set && s <= p + L) { r.setStart(n, s - p); set = 1; }
    if (set && e <= p + L) { r.setEnd(n, e - p); return r; }
  }
  return null;
};

class AloudPlayer extends HTMLElement {
  connectedCallback() {
    if (this.sr) return;
    this.sr = this.attachShadow({ mode: 'open' });
    const st = doc.createElement('style');
    st.textContent = STYLE;
    this.sr.append(st);
    this.load().catch(() => this.fail());
  }

  async load() {
    const id = this.getAttribute('article') || '';
    const inline = doc.getElementById('aloud-data-' + id);
    let d;
    if (inline) d = JSON.parse(inline.textContent);
    else {
      const base = this.getAttribute('base') || BASE;
      const r = await fetch(`${base}/embed/${encodeURIComponent(id)}.json`, { credentials: 'omit' });
      if (!r.ok) throw new Error(r.status);
      d = await r.json();
    }
    this.d = d;
    this.S = d.strings;
    this.build();
  }

  fail() {
    const p = doc.createElement('p');
    p.textContent = (this.S && this.S.load_failed) || 'The audio could not be loaded.';
    this.sr.append(p);
  }

  $(s) { return this.sr.querySelector(s); }

  build() {
    const d = this.d, S = this.S;
    if (d.status !== 'ready') {
      const p = doc.createElement('p');
      p.setAttribute('role', 'status');
      p.textContent = d.status === 'failed' ? S.load_failed : S.preparing;
      this.sr.append(p);
      return;
    }
    const t = doc.createElement('template');
    t.innerHTML = HTML;
    this.sr.append(t.content);
    if (d.accent) this.style.setProperty('--aloud-accent', d.accent);
    // The article page puts the <audio> in the light DOM, so that the
    // browser starts loading while it parses (and shows native controls
    // without JavaScript); an embed gets its own.
    let a = this.querySelector('audio');
    if (!a) {
      a = doc.createElement('audio');
      a.preload = 'auto';
      a.src = d.audio.mp3 || d.audio.opus;
      this.sr.append(a);
    }
    a.controls = false;
    this.audio = a;
    this.$('.p').setAttribute('aria-label', S.player);
    this.$('.pl').textContent = S.listen;
    const lab = (sel, text) => { const b = this.$(sel); b.setAttribute('aria-label', text); b.title = text; };
    lab('.back', S.back); lab('.fwd', S.forward); lab('.prev', S.prev); lab('.next', S.next); lab('.dl', S.download);
    this.$('.dl').href = a.src;
    this.$('.seek').setAttribute('aria-label', S.seek);
    this.$('label.sr').textContent = S.speed;
    const sp = this.$('.speed');
    for (const v of SPEEDS) sp.add(new Option(v + '×', v, v === 1, v === 1));
    this.disclosure();
    this.feedbackForm();
    this.wire();
    this.restore();
    if (d.timeline) this.timeline();
  }

  disclosure() {
    const d = this.d.disclosure, S = this.S, p = this.$('.disc');
    if (this.hasAttribute('no-disclosure') || d.position === 'off') return;
    p.hidden = false;
    this.$('.dt').textContent = d.text;
    const m = this.$('.more');
    m.textContent = S.more_info; m.href = d.more_info; m.target = '_blank'; m.rel = 'noopener';
    if (d.position === 'start') this.$('.p').prepend(p);
    this.$('.fbo').textContent = S.send_feedback;
    this.$('.fbw').hidden = !this.d.feedback;
  }

  say(msg) { this.$('.live').textContent = msg; }

  wire() {
    const a = this.audio, S = this.S;
    const on = (sel, ev, fn) => this.$(sel).addEventListener(ev, fn);
    on('.play', 'click', () => (a.paused ? a.play().catch(() => this.say(S.load_failed)) : a.pause()));
    on('.back', 'click', () => this.seek(a.currentTime - 15));
    on('.fwd', 'click', () => this.seek(a.currentTime + 15));
    on('.prev', 'click', () => this.para(-1));
    on('.next', 'click', () => this.para(1));
    on('.seek', 'input', (e) => this.seek((e.target.value / 1000) * (a.duration || this.d.duration)));
    on('.speed', 'change', (e) => { a.playbackRate = +e.target.value; });
    a.addEventListener('play', () => this.state(true));
    a.addEventListener('pause', () => { this.state(false); this.save(); });
    a.addEventListener('ended', () => { this.say(S.ended); this.beacon({ event: 'progress', pct: 100 }, 'p100'); });
    a.addEventListener('timeupdate', () => this.tick());
    a.addEventListener('durationchange', () => this.tick());
    a.addEventListener('error', () => this.say(S.load_failed));
    // A mark publishers' real-user monitoring (and make bench) can read.
    a.addEventListener('canplay', () => performance.mark && performance.mark('aloud:canplay'), { once: true });
    a.addEventListener('ratechange', () => {
      this.say(`${S.speed}: ${a.playbackRate}×`);
      this.beacon({ event: 'speed', rate: a.playbackRate });
    });
    const leave = () => {
      if (this.played && !this.left) { this.left = 1; this.beacon({ event: 'leave', reach: Math.min(1, this.reach || 0) }); }
      this.save();
    };
    addEventListener('pagehide', leave);
    doc.addEventListener('visibilitychange', () => doc.visibilityState === 'hidden' && leave());
    this.sr.addEventListener('keydown', (e) => {
      if (e.target.closest && e.target.closest('form,select,input')) return;
      if (e.key === 'k') { e.preventDefault(); this.$('.play').click(); }
      if (e.key === 'j') this.seek(a.currentTime - 15);
      if (e.key === 'l') this.seek(a.currentTime + 15);
    });
  }

  state(playing) {
    const S = this.S, b = this.$('.play');
    b.querySelector('.ic').innerHTML = playing ? ICON_PAUSE : ICON_PLAY;
    this.$('.pl').textContent = playing ? S.pause : (this.played ? S.play : S.listen);
    this.say(playing ? S.playing : S.paused);
    if (playing) {
      if (!this.played) { this.played = 1; this.beacon({ event: 'play' }); }
      this.session();
      this.loop();
    }
  }

  seek(t) {
    const a = this.audio, d = a.duration || this.d.duration;
    a.currentTime = Math.max(0, Math.min(d, t));
    this.tick();
  }

  tick() {
    const a = this.audio, d = a.duration || this.d.duration || 0, t = a.currentTime;
    this.$('.cur').textContent = fmt(t);
    this.$('.dur').textContent = fmt(d);
    const s = this.$('.seek');
    if (d) s.value = Math.round((t / d) * 1000);
    s.setAttribute('aria-valuetext', `${fmt(t)} ${this.S.of} ${fmt(d)}`);
    if (d && !a.paused) {
      this.reach = Math.max(this.reach || 0, t / d);
      for (const p of [25, 50, 75]) if (t / d >= p / 100) this.beacon({ event: 'progress', pct: p }, 'p' + p);
    }
    if (Date.now() - (this.saved || 0) > 5000) this.save();
    this.highlight();
  }

  key() { return 'aloud:pos:' + this.d.id; }

  save() {
    this.saved = Date.now();
    try { localStorage.setItem(this.key(), String(Math.floor(this.audio.currentTime))); } catch (e) { /* storage off */ }
  }

  restore() {
    let t = 0;
    try { t = +localStorage.getItem(this.key()) || 0; } catch (e) { /* storage off */ }
    if (t > 5 && t < this.d.duration - 5) this.audio.currentTime = t;
  }

  beacon(body, once) {
    if (once) { this.sent = this.sent || {}; if (this.sent[once]) return; this.sent[once] = 1; }
    if (!this.d.beacon || !navigator.sendBeacon) return;
    try { navigator.sendBeacon(this.d.beacon, JSON.stringify(body)); } catch (e) { /* best effort */ }
  }

  session() {
    const ms = navigator.mediaSession, a = this.audio;
    if (!ms || this.ms) return;
    this.ms = 1;
    try {
      ms.metadata = new MediaMetadata({ title: this.d.title, artist: this.d.publication,
        artwork: [{ src: this.d.artwork, sizes: '512x512', type: 'image/svg+xml' }] });
      const h = { play: () => a.play(), pause: () => a.pause(),
        seekbackward: () => this.seek(a.currentTime - 15), seekforward: () => this.seek(a.currentTime + 15),
        seekto: (e) => this.seek(e.seekTime), previoustrack: () => this.para(-1), nexttrack: () => this.para(1) };
      for (const k in h) { try { ms.setActionHandler(k, h[k]); } catch (e) { /* unsupported action */ } }
    } catch (e) { /* no Media Session */ }
  }

  loop() {
    if (this.raf) return;
    const step = () => {
      this.raf = 0;
      if (this.audio.paused) return;
      this.highlight();
      this.raf = requestAnimationFrame(step);
    };
    this.raf = requestAnimationFrame(step);
  }

  // para jumps to the start of the next (dir 1) or previous (-1) paragraph.
  para(dir) {
    const t = this.audio.currentTime, st = this.starts || [0];
    let to;
    if (dir > 0) to = st.find((s) => s > t + 0.05);
    else to = [...st].reverse().find((s) => s < t - 1.5);
    if (to === undefined) to = dir > 0 ? this.audio.duration || this.d.duration : 0;
    this.seek(to);
  }

  async timeline() {
    try {
      const r = await fetch(this.d.timeline, { credentials: 'omit' });
      const tl = await r.json();
      this.sents = tl.sentences.filter((s) => s.part !== 'disclosure');
    } catch (e) { return; }
    const seen = {};
    this.starts = [];
    for (const s of this.sents) {
      const k = s.part + s.block;
      if (!seen[k]) { seen[k] = 1; this.starts.push(s.ms[0] / 1000); }
    }
    this.starts.sort((x, y) => x - y);
    this.readAlong();
  }

  // readAlong wraps each sentence of the marked elements in spans, so the
  // one being read can be highlighted and clicked.
  readAlong() {
    const root = this.closest('[data-aloud-article]') || doc;
    const byEl = new Map();
    this.sents.forEach((s, k) => {
      const el = s.part === 'title' ? root.querySelector('[data-aloud-title]')
        : root.querySelector(`[data-aloud-block="${s.block}"]`);
      if (!el) return;
      if (!byEl.has(el)) byEl.set(el, []);
      byEl.get(el).push(k);
    });
    this.el = [];
    for (const [el, ks] of byEl) {
      const text = el.textContent, lead = text.length - text.trimStart().length;
      const map = u16(text.slice(lead));
      const nodes = textNodes(el);
      const rs = ks.map((k) => [k, lead + map(this.sents[k].span[0]), lead + map(this.sents[k].span[1])]);
      for (const [k, s, e] of rs.sort((x, y) => y[1] - x[1])) {
        this.el[k] = { el, map, lead };
        for (let j = nodes.length - 1; j >= 0; j--) {
          const { n, p } = nodes[j], L = n.data.length;
          if (p >= e || p + L <= s) continue;
          let mid = n;
          const x = Math.max(s, p) - p, y = Math.min(e, p + L) - p;
          if (x > 0) mid = n.splitText(x);
          if (y - x < mid.data.length) mid.splitText(y - x);
          const sp = doc.createElement('span');
          sp.className = 'aloud-s';
          sp.dataset.s = k;
          mid.replaceWith(sp);
          sp.append(mid);
        }
      }
    }
    root.addEventListener('click', (e) => {
      const sp = e.target.closest && e.target.closest('.aloud-s');
      if (!sp || !this.sents[sp.dataset.s]) return;
      this.seek(this.sents[sp.dataset.s].ms[0] / 1000);
      this.audio.play().catch(() => {});
    });
    this.root = root;
    this.highlight();
  }

  // at is the index of the sentence heard at time t (the last to start).
  at(t) {
    const ss = this.sents;
    let lo = 0, hi = ss.length - 1, k = -1;
    while (lo <= hi) {
      const m = (lo + hi) >> 1;
      if (ss[m].ms[0] <= t) { k = m; lo = m + 1; } else hi = m - 1;
    }
    return k;
  }

  highlight() {
    if (!this.root) return;
    const t = this.audio.currentTime * 1000, k = this.at(t);
    if (k !== this.cur) {
      for (const sp of this.root.querySelectorAll('.aloud-on')) sp.classList.remove('aloud-on');
      for (const sp of this.root.querySelectorAll(`.aloud-s[data-s="${k}"]`)) sp.classList.add('aloud-on');
      this.cur = k;
      // Says which sentence is lit, for the page's own scripts (and tests).
      if (this.root.dataset) this.root.dataset.aloudSentence = k;
    }
    this.word(k, t);
  }

  // word marks the word being read with the CSS Custom Highlight API,
  // where the browser has it (no DOM change per word).
  word(k, t) {
    if (!window.CSS || !CSS.highlights || typeof Highlight === 'undefined') return;
    const s = this.sents[k], info = this.el[k];
    const w = s && info && s.words && s.words.find((x) => x.ms[0] <= t && t < x.ms[1]);
    if (!w) { CSS.highlights.delete('aloud-word'); return; }
    const r = rangeAt(info.el, info.lead + info.map(w.span[0]), info.lead + info.map(w.span[1]));
    if (r) CSS.highlights.set('aloud-word', new Highlight(r));
  }

  feedbackForm() {
    const S = this.S, f = this.$('.fb'), fs = f.querySelector('fieldset');
    fs.querySelector('legend').textContent = S.fb_legend;
    for (const k of ['pronunciation', 'text', 'audio', 'other']) {
      const l = doc.createElement('label'), i = doc.createElement('input');
      i.type = 'radio'; i.name = 'kind'; i.value = k;
      l.append(i, ' ' + S['fb_' + k]);
      fs.append(l);
    }
    this.$('.nl').textContent = S.fb_note;
    this.$('.send').textContent = S.fb_send;
    this.$('.cancel').textContent = S.fb_cancel;
    if (!this.d.feedback) return;
    this.$('.fbo').addEventListener('click', () => this.openFeedback());
    this.$('.cancel').addEventListener('click', () => this.closeFeedback());
    f.addEventListener('submit', (e) => { e.preventDefault(); this.sendFeedback(); });
    const root = this.closest('[data-aloud-article]') || doc;
    root.addEventListener('click', (e) => {
      if (e.target.closest && e.target.closest('[data-aloud-feedback]')) this.openFeedback();
    });
  }

  openFeedback() {
    if (!this.d.feedback) return;
    const f = this.$('.fb');
    this.opener = this.sr.activeElement || doc.activeElement;
    this.atMs = Math.round(this.audio.currentTime * 1000);
    f.hidden = false;
    f.querySelector('.msg').textContent = '';
    f.querySelector('input[name=kind]').focus();
  }

  closeFeedback() {
    this.$('.fb').hidden = true;
    const o = this.opener;
    (o && o.isConnected ? o : this.$('.play')).focus();
  }

  async sendFeedback() {
    const S = this.S, f = this.$('.fb'), msg = f.querySelector('.msg');
    const kind = f.querySelector('input[name=kind]:checked');
    if (!kind) { msg.textContent = S.fb_choose; f.querySelector('input[name=kind]').focus(); return; }
    const body = { kind: kind.value, note: f.note.value, at_ms: this.atMs || 0 };
    if (f.website.value) body.website = f.website.value;
    try {
      const r = await fetch(this.d.feedback, { method: 'POST', credentials: 'omit',
        headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      if (!r.ok) {
        let m = String(r.status);
        try { m = (await r.json()).error.message; } catch (e) { /* not JSON */ }
        throw new Error(m);
      }
      msg.textContent = S.fb_thanks;
      f.reset();
      this.say(S.fb_thanks);
      setTimeout(() => this.closeFeedback(), 1500);
    } catch (e) {
      msg.textContent = `${S.fb_failed} ${e.message}`;
    }
  }
}
customElements.define('aloud-player', AloudPlayer);
})();

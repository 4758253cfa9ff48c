'use strict';
// An independent SMSC for Dargah's SMS tests, built on node-smpp (npm `smpp` 0.5.1).
//
//   node server.js --port P [--system-id ID] [--password PW] [--tls-key K --tls-cert C]
//
// It prints one line `READY <smpp_port> <control_port>` on stdout, then obeys JSON lines on the control
// port (one request line → one response line):
//   {"cmd":"deliver","pdu":{...},"wait":true}   send deliver_sm to a receiving bind; *_hex fields become Buffers;
//                                               answers {"command_status":N} (or {"timeout":true})
//   {"cmd":"burst","pdus":[...],"window":N}     many deliver_sm with N outstanding; answers latency figures
//   {"cmd":"receipt","message_id":"…","stat":"DELIVRD","mode":"tlv|text|both","source_addr":"…"}
//   {"cmd":"submits"}                           every submit_sm received so far (raw bytes as hex)
//   {"cmd":"wait_submits","n":N,"timeout":ms}   waits until N submit_sm were received
//   {"cmd":"set", ...}                          password, fail_submits (count) + submit_status, hold_submits,
//                                               drop_on_submit (true or N: drop the socket instead of answering the next / the Nth submit),
//                                               ignore_enquire_link (a silent SMSC behind a live TCP link)
//   {"cmd":"drop"}                              destroy every SMPP socket (TCP drop without unbind)
//   {"cmd":"state"}                             binds (count so far), bound sessions, last bind failure
const net = require('net');
const smpp = require('smpp');
const defs = require('smpp/lib/defs');

// Keep what the ESME sends byte for byte: the tests check UCS2 bytes and UDH headers themselves.
defs.filters.message.decode = function (value) { return value; };

const args = process.argv.slice(2);
function arg(name, dflt) {
  const i = args.indexOf('--' + name);
  return i >= 0 ? args[i + 1] : dflt;
}

const config = {
  system_id: arg('system-id', 'dargah'),
  password: arg('password', 'secret'),
  fail_submits: 0,
  submit_status: 0x58, // ESME_RTHROTTLED
  hold_submits: false,
  drop_on_submit: false,
  ignore_enquire_link: false, // a half-dead link: TCP up, SMSC silent
};
const state = { enquire_links: 0, binds: 0, bind_failures: 0, last_bind: null, submits: [], message_seq: 0, sessions: [] };
const waiters = [];

function hexify(value) {
  if (Buffer.isBuffer(value)) return value.toString('hex');
  if (value && typeof value === 'object' && value.message !== undefined) {
    return Buffer.concat([value.udh ? Buffer.concat(value.udh) : Buffer.alloc(0), Buffer.from(value.message)]).toString('hex');
  }
  if (typeof value === 'string') return Buffer.from(value, 'latin1').toString('hex');
  return null;
}

function toPdu(spec) {
  const out = {};
  for (const [key, value] of Object.entries(spec)) {
    if (key.endsWith('_hex')) out[key.slice(0, -4)] = Buffer.from(value, 'hex');
    else out[key] = value;
  }
  if (!('data_coding' in out)) out.data_coding = 0;
  return out;
}

function receivingSessions() {
  return state.sessions.filter((s) => s.mode === 'transceiver' || s.mode === 'receiver');
}

function checkWaiters() {
  for (let i = waiters.length - 1; i >= 0; i--) {
    if (state.submits.length >= waiters[i].n) {
      waiters[i].done();
      waiters.splice(i, 1);
    }
  }
}

const fs = require('fs');
const tlsOptions = arg('tls-key') ? { key: fs.readFileSync(arg('tls-key')), cert: fs.readFileSync(arg('tls-cert')) } : {};
const server = smpp.createServer(tlsOptions, (session) => {
  const entry = { session, mode: null };
  session.on('error', () => {});
  session.on('close', () => {
    const i = state.sessions.indexOf(entry);
    if (i >= 0) state.sessions.splice(i, 1);
  });
  for (const mode of ['transceiver', 'receiver', 'transmitter']) {
    session.on('bind_' + mode, (pdu) => {
      state.last_bind = { mode, system_id: pdu.system_id, system_type: pdu.system_type };
      if (pdu.system_id !== config.system_id || pdu.password !== config.password) {
        state.bind_failures += 1;
        session.send(pdu.response({ command_status: smpp.ESME_RINVPASWD }));
        setTimeout(() => session.close(), 50);
        return;
      }
      state.binds += 1;
      entry.mode = mode;
      state.sessions.push(entry);
      session.send(pdu.response({ system_id: 'node-smsc' }));
    });
  }
  session.on('enquire_link', (pdu) => {
    state.enquire_links += 1;
    if (!config.ignore_enquire_link) session.send(pdu.response());
  });
  session.on('unbind', (pdu) => {
    session.send(pdu.response());
    setTimeout(() => session.close(), 10);
  });
  session.on('submit_sm', (pdu) => {
    if (typeof config.drop_on_submit === 'number' && config.drop_on_submit > 1) {
      config.drop_on_submit -= 1; // let this one through, drop a later one
    } else if (config.drop_on_submit) {
      config.drop_on_submit = false;
      state.submits.push({ dropped: true, sequence_number: pdu.sequence_number });
      session.destroy();
      return;
    }
    const record = {
      sequence_number: pdu.sequence_number,
      source_addr: pdu.source_addr,
      source_addr_ton: pdu.source_addr_ton,
      source_addr_npi: pdu.source_addr_npi,
      destination_addr: pdu.destination_addr,
      esm_class: pdu.esm_class,
      data_coding: pdu.data_coding,
      registered_delivery: pdu.registered_delivery,
      short_message_hex: hexify(pdu.short_message),
      message_payload_hex: pdu.message_payload ? hexify(pdu.message_payload) : null,
      sar_msg_ref_num: pdu.sar_msg_ref_num,
      sar_total_segments: pdu.sar_total_segments,
      sar_segment_seqnum: pdu.sar_segment_seqnum,
    };
    if (config.hold_submits) {
      record.held = true;
      state.submits.push(record);
      checkWaiters();
      return;
    }
    if (config.fail_submits > 0) {
      config.fail_submits -= 1;
      record.command_status = config.submit_status;
      state.submits.push(record);
      session.send(pdu.response({ command_status: config.submit_status }));
      checkWaiters();
      return;
    }
    state.message_seq += 1;
    record.message_id = 'M' + String(state.message_seq).padStart(6, '0');
    record.command_status = 0;
    state.submits.push(record);
    session.send(pdu.response({ message_id: record.message_id }));
    checkWaiters();
  });
});

function deliver(spec, wait, timeout) {
  return new Promise((resolve) => {
    const target = receivingSessions()[0];
    if (!target) return resolve({ error: 'no receiving bind' });
    let settled = false;
    const timer = setTimeout(() => { if (!settled) { settled = true; resolve({ timeout: true }); } }, timeout || 5000);
    const sent = target.session.deliver_sm(toPdu(spec), (resp) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ command_status: resp.command_status, command: resp.command });
    });
    if (!sent) { settled = true; clearTimeout(timer); return resolve({ error: 'socket not writable' }); }
    if (!wait) { settled = true; clearTimeout(timer); resolve({ sent: true }); }
  });
}

function burst(pdus, window) {
  return new Promise((resolve) => {
    const target = receivingSessions()[0];
    if (!target) return resolve({ error: 'no receiving bind' });
    const latencies = [];
    const statuses = {};
    let next = 0;
    let done = 0;
    const started = process.hrtime.bigint();
    function sendOne() {
      if (next >= pdus.length) return;
      const i = next++;
      const t0 = process.hrtime.bigint();
      target.session.deliver_sm(toPdu(pdus[i]), (resp) => {
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        statuses[resp.command_status] = (statuses[resp.command_status] || 0) + 1;
        done += 1;
        if (done === pdus.length) {
          const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
          latencies.sort((a, b) => a - b);
          const pick = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
          resolve({ n: done, elapsed_ms: elapsed, p50_ms: pick(0.5), p99_ms: pick(0.99), max_ms: latencies[latencies.length - 1], statuses });
        } else {
          sendOne();
        }
      });
    }
    for (let k = 0; k < Math.min(window, pdus.length); k++) sendOne();
  });
}

function receiptText(id, stat) {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  const stamp = pad(now.getUTCFullYear() % 100) + pad(now.getUTCMonth() + 1) + pad(now.getUTCDate()) + pad(now.getUTCHours()) + pad(now.getUTCMinutes());
  const dlvrd = stat === 'DELIVRD' ? '001' : '000';
  return `id:${id} sub:001 dlvrd:${dlvrd} submit date:${stamp} done date:${stamp} stat:${stat} err:000 text:`;
}

const MESSAGE_STATE = { ENROUTE: 1, DELIVRD: 2, EXPIRED: 3, DELETED: 4, UNDELIV: 5, ACCEPTD: 6, UNKNOWN: 7, REJECTD: 8 };

async function handle(req) {
  switch (req.cmd) {
    case 'deliver':
      return deliver(req.pdu, req.wait !== false, req.timeout);
    case 'burst':
      return burst(req.pdus, req.window || 50);
    case 'receipt': {
      const mode = req.mode || 'both';
      const pdu = {
        source_addr: req.source_addr || '989120000000',
        destination_addr: req.destination_addr || '1111',
        esm_class: 0x04,
        data_coding: 0,
        short_message_hex: mode === 'tlv' ? '' : Buffer.from(receiptText(req.message_id, req.stat || 'DELIVRD')).toString('hex'),
      };
      if (mode !== 'text') {
        pdu.receipted_message_id = req.message_id;
        pdu.message_state = MESSAGE_STATE[req.stat || 'DELIVRD'];
      }
      return deliver(pdu, true, req.timeout);
    }
    case 'submits':
      return { submits: state.submits };
    case 'wait_submits':
      if (state.submits.length >= req.n) return { submits: state.submits };
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve({ timeout: true, submits: state.submits }), req.timeout || 5000);
        waiters.push({ n: req.n, done: () => { clearTimeout(timer); resolve({ submits: state.submits }); } });
      });
    case 'set':
      for (const [key, value] of Object.entries(req)) if (key !== 'cmd') config[key] = value;
      return { ok: true };
    case 'drop':
      for (const s of state.sessions.slice()) s.session.destroy();
      state.sessions = [];
      return { ok: true };
    case 'state':
      return {
        binds: state.binds, bind_failures: state.bind_failures, last_bind: state.last_bind,
        enquire_links: state.enquire_links,
        bound: state.sessions.map((s) => s.mode),
        submit_count: state.submits.length,
      };
    default:
      return { error: 'unknown cmd ' + req.cmd };
  }
}

const control = net.createServer((socket) => {
  let buffer = '';
  socket.setEncoding('utf8');
  socket.on('error', () => {});
  socket.on('data', (chunk) => {
    buffer += chunk;
    let nl;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (!line.trim()) continue;
      let req;
      try { req = JSON.parse(line); } catch (e) { socket.write(JSON.stringify({ error: 'bad json' }) + '\n'); continue; }
      handle(req).then((res) => socket.write(JSON.stringify(res) + '\n'));
    }
  });
});

server.listen(Number(arg('port', '0')), '127.0.0.1', () => {
  control.listen(0, '127.0.0.1', () => {
    process.stdout.write(`READY ${server.address().port} ${control.address().port}\n`);
  });
});

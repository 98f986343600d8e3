// A real local AT Protocol network for Switchboard's Bluesky tests: @atproto/dev-env's TestNetwork (a PLC
// directory, the reference PDS, the Bluesky AppView with bsync and Ozone), every listener on 127.0.0.1, plus a
// small control server for what a test cannot do through the protocol itself:
//   POST /process-all                 waits until the AppView has indexed everything the PDS committed
//   POST /fault {did, method, count}  the next `count` calls of an XRPC procedure by that account are carried out,
//                                     then their connection is cut before the answer is sent (committed, no reply)
//   GET  /faults                      the faults with how often each fired
//   POST /expired-token {did}         an access token for the account, signed by the PDS, that expired a minute ago
//   GET  /health
// Usage: node network.mjs STATE_FILE   (the state file gets {pds, plc, appview, control} once all is up).
// Environment: DB_POSTGRES_URL, REDIS_HOST (as dev-env wants them), TMPDIR (a private folder).
import dns from 'node:dns';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';

dns.setDefaultResultOrder('ipv4first');

// dev-env's servers listen on every interface; the tests must only ever be reachable from this machine.
const originalListen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
    if (typeof args[0] === 'object' && args[0] !== null && !Array.isArray(args[0])) {
        if (args[0].path === undefined) {
            args[0] = { ...args[0], host: '127.0.0.1' };
        }
    } else if (typeof args[0] === 'number' || (typeof args[0] === 'string' && /^\d+$/.test(args[0]))) {
        if (typeof args[1] === 'string') {
            args[1] = '127.0.0.1';
        } else {
            args.splice(1, 0, '127.0.0.1');
        }
    } else if (args.length === 0 || typeof args[0] === 'function') {
        args.unshift(0, '127.0.0.1');
    }
    return originalListen.apply(this, args);
};

const stateFile = process.argv[2];
if (!stateFile) {
    console.error('usage: node network.mjs STATE_FILE');
    process.exit(2);
}

const { TestNetwork } = await import('@atproto/dev-env');
const jose = await import('jose');

const network = await TestNetwork.create({
    dbPostgresSchema: 'switchboard',
});

// Faults: wrap the PDS's request handler so a chosen procedure runs to completion and then loses its answer.
const faults = []; // {did, method, count}
const pdsServer = network.pds.server.server;
const handlers = pdsServer.listeners('request');
pdsServer.removeAllListeners('request');
pdsServer.on('request', (req, res) => {
    const method = (req.url || '').split('?')[0].replace('/xrpc/', '');
    const fault = faults.find((f) => f.method === method && f.count > 0 && requestDid(req) === f.did);
    if (fault) {
        fault.count -= 1;
        fault.fired += 1;
        const cut = () => {
            req.socket.destroy();
            return res;
        };
        res.writeHead = cut;
        res.write = () => true;
        res.end = cut;
        console.log(`fault: ${method} for ${fault.did} committed, answer dropped`);
    }
    for (const handler of handlers) {
        handler.call(pdsServer, req, res);
    }
});

function requestDid(req) {
    const auth = req.headers.authorization || '';
    if (!auth.startsWith('Bearer ')) {
        return null;
    }
    try {
        return jose.decodeJwt(auth.slice(7)).sub || null;
    } catch {
        return null;
    }
}

async function readJson(req) {
    const chunks = [];
    for await (const chunk of req) {
        chunks.push(chunk);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    return text ? JSON.parse(text) : {};
}

const control = http.createServer(async (req, res) => {
    const reply = (status, body) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
    };
    try {
        if (req.method === 'GET' && req.url === '/health') {
            return reply(200, { ok: true });
        }
        if (req.method === 'POST' && req.url === '/process-all') {
            await network.processAll(30000);
            return reply(200, { ok: true });
        }
        if (req.method === 'POST' && req.url === '/fault') {
            const body = await readJson(req);
            faults.push({ did: body.did, method: body.method, count: body.count ?? 1, fired: 0 });
            return reply(200, { ok: true });
        }
        if (req.method === 'GET' && req.url === '/faults') {
            return reply(200, { faults });
        }
        if (req.method === 'POST' && req.url === '/expired-token') {
            const body = await readJson(req);
            const now = Math.floor(Date.now() / 1000);
            const token = await new jose.SignJWT({ scope: 'com.atproto.access' })
                .setProtectedHeader({ typ: 'at+jwt', alg: 'HS256' })
                .setAudience(network.pds.ctx.cfg.service.did)
                .setSubject(body.did)
                .setIssuedAt(now - 7200)
                .setExpirationTime(now - 60)
                .sign(network.pds.jwtSecretKey());
            return reply(200, { accessJwt: token });
        }
        reply(404, { error: 'NotFound' });
    } catch (e) {
        reply(500, { error: 'Internal', message: String(e && e.stack ? e.stack : e) });
    }
});
await new Promise((resolve) => control.listen(0, '127.0.0.1', resolve));

const state = {
    pds: network.pds.url,
    plc: network.plc.url,
    appview: network.bsky.url,
    control: `http://127.0.0.1:${control.address().port}`,
    pid: process.pid,
};
fs.writeFileSync(stateFile + '.tmp', JSON.stringify(state, null, 2));
fs.renameSync(stateFile + '.tmp', stateFile);
console.log('bluesky test network up:', JSON.stringify(state));

let closing = false;
async function shutdown(signal) {
    if (closing) {
        return;
    }
    closing = true;
    console.log(`bluesky test network: ${signal}, closing`);
    const force = setTimeout(() => process.exit(0), 10000);
    force.unref();
    try {
        control.close();
        await network.close();
    } catch (e) {
        console.error('close failed:', e);
    }
    process.exit(0);
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));

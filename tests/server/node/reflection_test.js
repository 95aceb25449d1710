// Drives kg-server from an independent client: Node's @grpc/grpc-js, with stubs built
// from the server's reflection answers only (no .proto file), as grpcurl users rely on.
//   usage: node reflection_test.js KG_SERVER_BINARY SEEDS_DIR
// Exits 0 when every check passes, 1 on a failure, 77 when the npm packages are missing.
'use strict';

const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

let grpc;
let GrpcReflection;
try {
  grpc = require('@grpc/grpc-js');
  ({ GrpcReflection } = require('grpc-js-reflection-client'));
} catch (error) {
  console.log(`SKIPPED: the npm packages are not installed (run "npm ci" in ${__dirname}): ` +
              error.message);
  process.exit(77);
}

const [serverBinary, seedsDir] = process.argv.slice(2);
if (!serverBinary || !seedsDir) {
  console.error('usage: node reflection_test.js KG_SERVER_BINARY SEEDS_DIR');
  process.exit(2);
}

const loaderOptions = { keepCase: true, longs: String, enums: String, defaults: true };

function startServer(dbDir) {
  return new Promise((resolve, reject) => {
    const child = spawn(serverBinary, ['--listen=127.0.0.1:0', `--db=${dbDir}`,
                                       `--seeds=${seedsDir}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`no port after 20 s:\n${stderr}`)), 20000);
    child.stderr.on('data', (chunk) => {
      stderr += chunk.toString();
      const match = /listening on 127\.0\.0\.1:(\d+)/.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve({ child, port: Number(match[1]) });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`kg-server exited with ${code}:\n${stderr}`));
    });
  });
}

function call(client, method, request) {
  return new Promise((resolve, reject) => {
    const deadline = new Date(Date.now() + 10000);
    client[method](request, { deadline }, (error, response) => (error ? reject(error) : resolve(response)));
  });
}

async function waitForServing(health) {
  const until = Date.now() + 30000;
  for (;;) {
    try {
      const response = await call(health, 'Check', { service: '' });
      if (response.status === 'SERVING') return;
    } catch (error) {
      if (Date.now() > until) throw error;
    }
    if (Date.now() > until) throw new Error('health never reported SERVING');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-node-'));
  const { child, port } = await startServer(path.join(dir, 'db'));
  let passed = 0;
  try {
    const address = `127.0.0.1:${port}`;
    const reflection = new GrpcReflection(address, grpc.credentials.createInsecure());

    const services = await reflection.listServices();
    assert.ok(services.includes('kg.v1.KnowledgeGraph'), `services: ${services}`);
    assert.ok(services.includes('grpc.health.v1.Health'), `services: ${services}`);
    passed++;

    const healthPackage = (await reflection.getDescriptorBySymbol('grpc.health.v1.Health'))
        .getPackageObject(loaderOptions);
    const Health = healthPackage.grpc.health.v1.Health;
    const health = new Health(address, grpc.credentials.createInsecure());
    await waitForServing(health);
    const status = await call(health, 'Check', { service: 'kg.v1.KnowledgeGraph' });
    assert.equal(status.status, 'SERVING');
    passed++;

    const kgPackage = (await reflection.getDescriptorBySymbol('kg.v1.KnowledgeGraph'))
        .getPackageObject(loaderOptions);
    const KnowledgeGraph = kgPackage.kg.v1.KnowledgeGraph;
    const kg = new KnowledgeGraph(address, grpc.credentials.createInsecure());
    const answer = await call(kg, 'Neighbors', { entity: 'Alibaba', relations: ['RELATION_INVESTED_IN'] });
    const seedIds = new Set(fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt'))
                                .map((f) => f.slice(0, -4)));
    for (const company of ['Moonshot AI', 'Zhipu AI', 'MiniMax']) {
      const neighbor = answer.neighbors.find((n) => n.entity.name === company);
      assert.ok(neighbor, `Alibaba invested-in lacks ${company}`);
      assert.equal(neighbor.relation, 'RELATION_INVESTED_IN');
      assert.equal(neighbor.direction, 'DIRECTION_OUT');
      assert.ok(neighbor.evidence.length > 0, `${company} has no evidence`);
      for (const evidence of neighbor.evidence) {
        assert.ok(seedIds.has(evidence.article_id), `unknown article ${evidence.article_id}`);
        assert.ok(evidence.sentence.length > 0);
      }
      passed++;
    }

    let rejected = null;
    try {
      await call(kg, 'Neighbors', { entity: 'Nobody Incorporated' });
    } catch (error) {
      rejected = error;
    }
    assert.ok(rejected, 'an unknown entity was not rejected');
    assert.equal(rejected.code, grpc.status.NOT_FOUND);
    assert.match(rejected.details, /Nobody Incorporated/);
    passed++;
    health.close();
    kg.close();
  } finally {
    child.removeAllListeners('exit');
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    const code = await exited;
    fs.rmSync(dir, { recursive: true, force: true });
    assert.equal(code, 0, `kg-server exited with ${code} on SIGTERM`);
  }
  console.log(`${passed} passed, 0 failed`);
}

main().then(() => process.exit(0), (error) => {
  console.error(error && error.stack ? error.stack : error);
  console.log('0 passed, 1 failed');
  process.exit(1);
});

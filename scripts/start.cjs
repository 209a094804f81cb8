#!/usr/bin/env node
// `npm start`: runs the compiled service (dist/), compiling first only when the sources changed since the
// last build (or there is none), and saying so. `npm install` builds once (the `prepare` script), so a
// start is about a second, not the eleven of a `tsc` that finds nothing to do.
// Plain CommonJS: it must run before anything is compiled.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
/** Written after each successful build: sources newer than it mean dist/ is out of date. */
const STAMP = path.join('dist', '.build-stamp');
const INPUTS = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];

/** The newest modification time among `entry` (a file, or a directory walked for .ts files). */
function newest(entry) {
  let st;
  try {
    st = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const d of fs.readdirSync(entry, { withFileTypes: true })) {
    const p = path.join(entry, d.name);
    if (d.isDirectory()) max = Math.max(max, newest(p));
    else if (d.name.endsWith('.ts')) max = Math.max(max, fs.statSync(p).mtimeMs);
  }
  return max;
}

/** The first source under `root`/src whose compiled file is not in dist/src (deleted by hand: tsc's incremental
 * record, dist/.tsbuildinfo, would not write it again), or null. */
function missingOutput(root = ROOT) {
  const walk = (dir) => {
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return null;
    }
    for (const d of entries) {
      const p = path.join(dir, d.name);
      const found = d.isDirectory() ? walk(p) : d.name.endsWith('.ts') && !d.name.endsWith('.d.ts') && !fs.existsSync(path.join(root, 'dist', path.relative(root, p)).replace(/\.ts$/, '.js')) ? p : null;
      if (found) return found;
    }
    return null;
  };
  return walk(path.join(root, 'src'));
}

/** Why dist/ under `root` must be built, or null when it is up to date. */
function staleReason(root = ROOT) {
  const main = path.join(root, 'dist', 'src', 'main.js');
  if (!fs.existsSync(main)) return 'no build yet';
  let built;
  try {
    built = fs.statSync(path.join(root, STAMP)).mtimeMs;
  } catch {
    return 'no record of the last build';
  }
  const changed = INPUTS.map((i) => newest(path.join(root, i))).reduce((a, b) => Math.max(a, b), 0);
  if (changed > built) return 'sources changed since the last build';
  const missing = missingOutput(root);
  return missing ? `${path.relative(root, missing)} has no compiled file` : null;
}

/** Compiles src/ to dist/ and records when, then derives what the data files give (prebuild); returns tsc's
 * exit code. */
function build(root = ROOT) {
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  // a compiled file deleted: the incremental record says nothing changed, so it goes and everything is written again
  if (missingOutput(root)) fs.rmSync(path.join(root, 'dist', '.tsbuildinfo'), { force: true });
  const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  if (r.status === 0) {
    fs.writeFileSync(path.join(root, STAMP), `${new Date().toISOString()}\n`);
    prebuild(root);
  }
  return r.status ?? 1;
}

/**
 * Starts the compiled service once, on an in-memory store and a port of the system's choosing, and stops it:
 * what it derives from the data files (the trained models, the look-alike frequencies) and the routes'
 * compiled validators (.cache/, keyed by the files' and schemas' hashes) is then there before the first
 * start. A failure here fails nothing: the first start derives it and says what is wrong with the data.
 */
function prebuild(root = ROOT) {
  const env = "{ PORT: '0', HOST: '127.0.0.1', JIUYI_DATA_DIR: ':memory:', LOG_LEVEL: 'silent', JIUYI_CORE_THREADS: '0' }";
  const code = `require('./dist/src/main').start({ env: ${env} }).then(async (r) => { await r.stop(); process.exit(0); }, (e) => { console.error(String(e && e.message || e)); process.exit(1); })`;
  // bounded: a start that hangs must not hang the install (the first real start derives what is missing)
  const r = spawnSync(process.execPath, ['-e', code], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) process.stderr.write(`jiuyi: the start-up cache was not built (the first start builds it): ${r.error ? r.error.message : (r.stderr || '').trim().split('\n')[0]}\n`);
}

module.exports = { staleReason, missingOutput, build, prebuild, STAMP };

if (require.main === module) {
  const arg = process.argv[2];
  if (arg === '--build') process.exit(build());
  if (arg === '--prepare') {
    // `npm install`'s prepare: build once now; an install without the compiler (--omit=dev) has nothing to build with
    if (!fs.existsSync(path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'))) {
      process.stderr.write('jiuyi: typescript is not installed (--omit=dev?): dist/ is not built\n');
      process.exit(0);
    }
    process.stderr.write('jiuyi: compiling src/ to dist/ once, so that npm start starts at once…\n');
    process.exit(build());
  }
  const why = staleReason();
  if (why) {
    process.stderr.write(`jiuyi: compiling src/ to dist/ (${why}); this takes a while once…\n`);
    const t0 = Date.now();
    const code = build();
    if (code !== 0) {
      process.stderr.write('jiuyi: the build failed (above); nothing was started\n');
      process.exit(code);
    }
    process.stderr.write(`jiuyi: compiled in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  }
  require(path.join(ROOT, 'dist', 'src', 'main.js')).main();
}

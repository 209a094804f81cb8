// jest setupFiles: MONGODB_URI, when set (CI: FerretDB), is for the MongoDB suites only — they read it as
// JIUYI_TEST_MONGODB_URI — and every other test sees the environment a developer's machine has (SQLite).
if (process.env.MONGODB_URI) {
  process.env.JIUYI_TEST_MONGODB_URI = process.env.JIUYI_TEST_MONGODB_URI || process.env.MONGODB_URI;
  delete process.env.MONGODB_URI;
}

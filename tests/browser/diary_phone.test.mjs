// The Diary test (diary.test.mjs) at 390 px, a phone with 3x pixels: run as a test of its own
// because drawing at 3x in software makes it the slowest, and each CTest test has 300 s.
process.env.POEMS_DIARY_VIEWPORTS = 'phone';
await import('./diary.test.mjs');

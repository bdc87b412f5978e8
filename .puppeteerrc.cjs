// whatsapp-web.js pulls puppeteer, whose install would download Chrome (no network here);
// Daftar drives Debian's /usr/bin/chromium instead.
module.exports = { skipDownload: true };

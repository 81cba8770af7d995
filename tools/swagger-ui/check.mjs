// Swagger UI's Authorize: the token typed in the dialog is sent on "Try it out".
import { chromium } from 'playwright-core';
const [,, token, ...bases] = process.argv;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
let failures = 0;
for (const base of bases) {
  const page = await browser.newPage();
  const seen = [];
  page.on('request', r => { if (r.url().includes('/api/v1/')) seen.push({ url: r.url(), auth: r.headers()['authorization'] || '' }); });
  await page.goto(base + '/q/swagger-ui/', { waitUntil: 'networkidle' });
  await page.getByRole('button', { name: /Authorize/ }).first().click();
  await page.locator('.modal-ux input[type=text], .modal-ux input[type=password]').first().fill(token);
  await page.locator('.modal-ux button.authorize').first().click();
  await page.locator('.modal-ux button.btn-done, .modal-ux button:has-text("Close")').first().click();
  // a secured GET without parameters: the first opblock whose path has no {…}
  const ops = page.locator('.opblock-get');
  const count = await ops.count();
  let opened = false;
  for (let i = 0; i < count && !opened; i++) {
    const path = (await ops.nth(i).locator('.opblock-summary-path').first().innerText()).trim();
    if (path.includes('{') || !path.startsWith('/api/v1/')) continue;
    const locked = await ops.nth(i).locator('.authorization__btn').count();
    if (!locked) continue;
    await ops.nth(i).locator('.opblock-summary').first().click();
    await ops.nth(i).locator('button.try-out__btn').click();
    await ops.nth(i).locator('button.execute').click();
    await page.waitForTimeout(1500);
    opened = path;
  }
  const sent = seen.find(s => opened && s.url.includes(opened));
  const ok = sent && sent.auth === 'Bearer ' + token;
  console.log(`${base}: ${opened || 'no secured GET found'} -> Authorization ${ok ? 'sent' : 'MISSING'}`);
  if (!ok) failures++;
  await page.close();
}
await browser.close();
process.exit(failures ? 1 : 0);

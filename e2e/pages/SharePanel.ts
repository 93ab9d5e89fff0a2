/**
 * The share dialog as a test sees it: open it, read the link, copy, read the QR code back from its
 * pixels (jsQR), so the test proves the picture a phone scans is the link.
 */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import jsQR from 'jsqr';

export class SharePanel {
  readonly dialog: Locator;
  readonly url: Locator;
  readonly qr: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Share this scenario' });
    this.url = page.getByTestId('share-url');
    this.qr = page.getByTestId('share-qr');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('share').click();
    await expect(this.dialog).toBeVisible();
    await expect(this.qr).toBeVisible();
  }

  async link(): Promise<string> {
    return this.url.inputValue();
  }

  /** Draws the QR image onto a canvas in the page and decodes its pixels here with jsQR. */
  async decodeQr(qr: Locator = this.qr): Promise<string | null> {
    const image = await qr.evaluate(async (img: HTMLImageElement) => {
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext('2d');
      if (!ctx) return null;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height);
      return { width: data.width, height: data.height, pixels: Array.from(data.data) };
    });
    if (!image) return null;
    const code = jsQR(Uint8ClampedArray.from(image.pixels), image.width, image.height);
    return code?.data ?? null;
  }

  /** The full-screen QR code for the back of the room. */
  async project(): Promise<Locator> {
    await this.page.getByTestId('share-qr-big').click();
    const qr = this.page.getByTestId('share-projected').getByTestId('share-qr');
    await expect(qr).toBeVisible();
    return qr;
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.dialog).toBeHidden();
  }
}

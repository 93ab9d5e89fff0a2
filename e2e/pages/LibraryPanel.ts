/**
 * The library of saved scenarios as a test sees it: open the dialog from the header, save the working
 * copy under a name, and act on an entry by its name (open, rename, duplicate, delete, undo).
 */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

export class LibraryPanel {
  readonly dialog: Locator;
  readonly entries: Locator;
  readonly message: Locator;
  readonly working: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('library-dialog');
    this.entries = this.dialog.getByTestId('library-entry');
    this.message = this.dialog.getByTestId('library-message');
    this.working = this.dialog.getByTestId('library-working');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('library-button').click();
    await expect(this.dialog).toBeVisible();
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.dialog).toBeHidden();
  }

  /** The entries' names, in the order shown (newest save first). */
  async names(): Promise<string[]> {
    return this.entries.getByTestId('library-entry-name').allTextContents();
  }

  entry(name: string): Locator {
    return this.dialog.locator(`[data-testid="library-entry"][data-entry-name="${name}"]`);
  }

  async save(name: string): Promise<void> {
    await this.dialog.getByTestId('library-name').fill(name);
    await this.dialog.getByTestId('library-save').click();
    await expect(this.message).toContainText(`Saved “${name}”`);
    await expect(this.entry(name)).toBeVisible();
  }

  /** Opens an entry; when the dialog asks before replacing the working copy, `confirm` answers. */
  async openEntry(name: string): Promise<void> {
    await this.entry(name).getByTestId('library-open').click();
  }

  /** Renames through the keyboard, as a person does: Rename, type, Enter. */
  async rename(from: string, to: string): Promise<void> {
    await this.entry(from).getByTestId('library-rename').click();
    const field = this.dialog.getByTestId('library-rename-input');
    await expect(field).toBeFocused();
    await field.fill(to);
    await field.press('Enter');
    await expect(this.entry(to)).toBeVisible();
  }

  async duplicate(name: string): Promise<void> {
    await this.entry(name).getByTestId('library-duplicate').click();
    await expect(this.entry(`${name} (copy)`)).toBeVisible();
  }

  async delete(name: string): Promise<void> {
    await this.entry(name).getByTestId('library-delete').click();
    await expect(this.entry(name)).toHaveCount(0);
    await expect(this.dialog.getByTestId('library-undo')).toBeFocused();
  }
}

/**
 * The lessons panel as a test sees it: open it from the header, pick a lesson, read the current
 * step's proposed command and wait for steps to be marked done (`data-done` on each step dot).
 */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

export class LessonPanel {
  readonly root: Locator;
  readonly card: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('lesson-panel');
    this.card = page.getByTestId('lesson-card');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('lessons-button').click();
    await expect(this.root).toBeVisible();
  }

  async start(lessonId: string): Promise<void> {
    await this.root.getByTestId(`lesson-${lessonId}`).click();
    await expect(this.card).toHaveAttribute('data-step', '1');
  }

  /** The proposed command once the cluster has filled in its placeholders. */
  async command(): Promise<string> {
    const code = this.root.getByTestId('lesson-command');
    await expect(code).not.toContainText('{');
    return (await code.textContent()) ?? '';
  }

  async stepCount(): Promise<number> {
    return this.root.locator('[data-testid^="lesson-step-"]').count();
  }

  async expectDone(step: number): Promise<void> {
    await expect(this.root.getByTestId(`lesson-step-${step}`)).toHaveAttribute('data-done', 'true');
  }

  async expectOnStep(step: number): Promise<void> {
    await expect(this.card).toHaveAttribute('data-step', String(step));
  }

  text(): Locator {
    return this.root.getByTestId('lesson-text');
  }
}

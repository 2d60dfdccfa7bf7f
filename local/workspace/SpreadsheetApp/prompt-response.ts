/** The answer to a Ui prompt. */
import type { DialogAnswer } from './ui';

export class LocalPromptResponse {
  constructor(private readonly answer: DialogAnswer) {}

  getResponseText(): string {
    return this.answer.text ?? '';
  }

  getSelectedButton(): string {
    return this.answer.button;
  }
}

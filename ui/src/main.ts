/**
 * Starts the UI. The NHS styles come first so the app's own styles can build on them.
 */
import 'nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css';
import './styles/app.css';
import { mount } from 'svelte';
import App from './App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

// Svelte's two-way bindings listen for `input` events. Some ways of changing a field send only
// `change` (WebDriver's Element Clear, which the end-to-end tests use; some autofill and
// dictation tools), so a `change` on a text field is passed on as an `input` too. When typing
// already sent `input`, the repeat finds the value unchanged and does nothing.
document.addEventListener(
  'change',
  (event) => {
    const field = event.target;
    const isText =
      field instanceof HTMLTextAreaElement ||
      (field instanceof HTMLInputElement && ['text', 'search', 'tel', 'password', 'email'].includes(field.type));
    if (isText) field.dispatchEvent(new Event('input', { bubbles: true }));
  },
  true,
);

mount(App, { target });

/**
 * The header's colour-scheme toggle: System (the default), Light, Dark, in turn. The choice is
 * kept in localStorage and applied before the first paint by the head's inline script (Base.astro),
 * which reads the same key.
 */
const KEY = 'theme';
const CHOICES = ['system', 'light', 'dark'] as const;
type Choice = (typeof CHOICES)[number];
const LABELS: Record<Choice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

function stored(): Choice {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

function apply(choice: Choice): void {
  const root = document.documentElement;
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
  try {
    if (choice === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, choice);
  } catch {
    // Storage refused (private mode): the choice holds for this page only.
  }
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
  const label = button.querySelector<HTMLElement>('[data-theme-label]')!;
  const show = (choice: Choice) => {
    label.textContent = LABELS[choice];
    button.title = `Colour scheme: ${LABELS[choice]} (change)`;
  };
  show(stored());
  button.addEventListener('click', () => {
    const next = CHOICES[(CHOICES.indexOf(stored()) + 1) % CHOICES.length]!;
    apply(next);
    show(next);
  });
}

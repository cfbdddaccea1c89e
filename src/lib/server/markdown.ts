// The safe Markdown renderer lives in src/lib/markdown.ts (pure, shared with components, which render
// progress updates wherever HTML is shown); server modules keep importing it from here.
export * from '../markdown';

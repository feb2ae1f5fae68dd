import { EmptyState } from '../../components/EmptyState';

export function App() {
  return (
    <main>
      <h1>Small-Cap Lens</h1>
      <EmptyState title="No data yet" />
    </main>
  );
}

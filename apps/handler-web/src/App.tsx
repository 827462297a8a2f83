export function App() {
  return <main>Distans</main>;
}

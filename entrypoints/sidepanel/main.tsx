import { render } from 'preact';
import { App } from './App';
import '../../components/base.css';

render(<App />, document.getElementById('app')!);

// IndexedDB for unit tests (the real one exists only in browsers).
import 'fake-indexeddb/auto';

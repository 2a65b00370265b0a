// Entry point of dist/post.js (action.yml `post`, with post-if: always()).
import { post } from './postMain.ts';
import { scrubProcessOutput } from '../shared/secrets.ts';

scrubProcessOutput();

await post();

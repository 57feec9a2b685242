import { registerCommands } from '../src/bot/register.js';
import { run } from './run.js';

await run(async (config) => {
  const { scope, names } = await registerCommands(config.discord);
  console.log(`Registered ${names.map((n) => `/${n}`).join(', ')} in ${scope}.`);
});

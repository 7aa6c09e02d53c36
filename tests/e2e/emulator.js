// Starts telegram-test-api on 127.0.0.1 at the port given as the first argument, prints
// "ready" once it listens, and stops when its standard input closes (the test ended).
// The emulator knows nothing of polls, so this adds what the study-mode test needs: a client
// route POST /sendPollAnswer that queues a poll_answer update, as Telegram sends one when a user
// votes in a non-anonymous poll (sendPoll itself is adapted by the test's proxy).
const TelegramServer = require('telegram-test-api');

const port = Number(process.argv[2]);
const server = new TelegramServer({ port, host: '127.0.0.1', storeTimeout: 600 });

const formatUpdate = TelegramServer.formatUpdate;
TelegramServer.formatUpdate = (update) => {
  if ('pollAnswer' in update) {
    return { update_id: update.updateId, poll_answer: update.pollAnswer };
  }
  return formatUpdate(update);
};

server.webServer.post('/sendPollAnswer', async (req, res) => {
  const { botToken, ...pollAnswer } = req.body;
  await server.addUserUpdate({ ...server.getCommonFields(botToken), pollAnswer });
  res.sendResult({ ok: true, result: null });
});
// Routes added after construction land behind the emulator's "Route not found" handler and
// its error handler: move this one in front of them.
const { stack } = server.webServer._router;
stack.splice(stack.length - 3, 0, stack.pop());

server.start().then(() => {
  process.stdout.write('ready\n');
});

process.stdin.resume();
process.stdin.on('end', () => {
  server.stop().then(() => process.exit(0));
});

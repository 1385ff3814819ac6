// Runs Groq's and OpenAI's official TypeScript clients against a FakeGroqServer started by NodeClientsTest.
// groq-sdk reads GROQ_BASE_URL as the server's root (it adds /openai/v1 itself); openai wants the full base URL.
import Groq, { toFile as groqFile } from 'groq-sdk';
import OpenAI, { toFile as openaiFile } from 'openai';

const clients = [
  ['groq-sdk', new Groq({ baseURL: process.env.GROQ_BASE_URL, apiKey: process.env.GROQ_API_KEY, maxRetries: 0 }),
    groqFile],
  ['openai', new OpenAI({ baseURL: process.env.OPENAI_BASE_URL, apiKey: process.env.OPENAI_API_KEY, maxRetries: 0 }),
    openaiFile],
];

function check(condition, message) {
  if (!condition) throw new Error(message);
}

const messages = [{ role: 'user', content: 'Hello from node' }];
for (const [name, client, toFile] of clients) {
  const completion = await client.chat.completions.create({ model: 'llama-3.3-70b-versatile', messages });
  const content = completion.choices[0].message.content;
  check(content === 'You said: Hello from node', `${name} chat answered ${JSON.stringify(content)}`);
  check(completion.x_groq.id.startsWith('req_'), `${name} chat has no x_groq.id`);
  console.log(`${name} chat: ${content}`);

  const stream = await client.chat.completions.create({ model: 'openai/gpt-oss-20b', messages, stream: true });
  let text = '';
  let usage;
  for await (const chunk of stream) {
    text += chunk.choices[0]?.delta?.content ?? '';
    usage = chunk.x_groq?.usage ?? usage;
  }
  check(text === 'You said: Hello from node', `${name} stream gave ${JSON.stringify(text)}`);
  check(usage && usage.total_tokens > 0, `${name} stream had no x_groq.usage`);
  console.log(`${name} stream: ${text} (${usage.total_tokens} tokens)`);

  const models = await client.models.list();
  const ids = models.data.map((m) => m.id);
  check(ids.includes('openai/gpt-oss-120b'), `${name} models list: ${ids}`);
  const model = await client.models.retrieve('openai/gpt-oss-120b');
  check(model.id === 'openai/gpt-oss-120b', `${name} retrieved ${model.id}`);
  console.log(`${name} models: ${ids.length} listed, retrieved ${model.id}`);

  const file = await toFile(Buffer.alloc(32000), 'hello.wav', { type: 'audio/wav' });
  const transcription = await client.audio.transcriptions.create({ file, model: 'whisper-large-v3-turbo' });
  check(transcription.text === ' Hello from the fake Groq server.', `${name} transcribed ${transcription.text}`);
  console.log(`${name} transcription:${transcription.text}`);

  try {
    await client.chat.completions.create({ model: 'no-such-model', messages });
    check(false, `${name} accepted an unknown model`);
  } catch (e) {
    check(e.status === 404, `${name} unknown model gave ${e}`);
    console.log(`${name} error: ${e.status} ${e.error?.error?.code ?? e.code}`);
  }
}
console.log('node clients: all passed');

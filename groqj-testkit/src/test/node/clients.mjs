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
// The Responses API: only the openai package has it.
const openai = clients.find(([name]) => name === 'openai')[1];
const response = await openai.responses.create({ model: 'openai/gpt-oss-20b', input: 'Hello from node' });
check(response.output_text === 'You said: Hello from node', `openai responses.create: ${response.output_text}`);
console.log(`openai responses.create: ${response.output_text} (${response.usage.total_tokens} tokens)`);

const tools = [
  { type: 'function', name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } },
  { type: 'mcp', server_label: 'hf', server_url: 'https://huggingface.co/mcp', require_approval: 'never' },
];
const responseStream = openai.responses.stream({
  model: 'openai/gpt-oss-120b', input: 'Weather in Oslo', tools, tool_choice: 'required',
});
let deltas = 0;
responseStream.on('response.function_call_arguments.delta', () => { deltas += 1; });
const streamed = await responseStream.finalResponse();
const types = streamed.output.map((item) => item.type).join(',');
check(types === 'reasoning,mcp_list_tools,mcp_call,function_call', `openai responses.stream items: ${types}`);
const call = streamed.output.find((item) => item.type === 'function_call');
check(call.arguments === '{"city":"Weather in Oslo"}' && deltas === 1, `openai responses.stream call: ${call.arguments}`);
console.log(`openai responses.stream: ${types}; ${call.name}(${call.arguments})`);

const followUp = await openai.responses.stream({
  model: 'llama-3.3-70b-versatile',
  input: [{ role: 'user', content: 'Weather in Oslo' }, call,
    { type: 'function_call_output', call_id: call.call_id, output: '{"celsius":3}' }],
  tools: [tools[0]],
}).finalResponse();
check(followUp.output_text === 'The tools answered: {"celsius":3}.', `openai responses.stream text: ${followUp.output_text}`);
console.log(`openai responses.stream text: ${followUp.output_text}`);
console.log('node clients: all passed');

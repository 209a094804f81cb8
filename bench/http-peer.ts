// The HTTP benchmark's peer: fastify with the same route, body schema and body limit as jiuyi's
// POST /api/v1/messages, answering a fixed reply of a typical length, with no core and no store. Run side
// by side with jiuyi, it shows what this machine's HTTP stack and the load generator cost on their own, so
// jiuyi's figure reads as a ratio that survives a slower or busier run. Started by http.ts as a process.
import Fastify from 'fastify';
import { messageBody } from '../src/http/schemas';

const REPLY = {
  text: '忻州市封控区的血液透析患者：定点医院为忻州市人民医院，满员时到备用医院。\n来源：忻州市卫生健康委员会通告',
  parts: ['忻州市封控区的血液透析患者：定点医院为忻州市人民医院，满员时到备用医院。', '来源：忻州市卫生健康委员会通告'],
  urgent: false,
  handoff: false,
  ask: null,
  quickReplies: [],
};

async function main(): Promise<void> {
  const app = Fastify({ logger: false });
  app.post(
    '/api/v1/messages',
    {
      bodyLimit: 16 * 1024,
      schema: { body: messageBody },
    },
    async () => REPLY,
  );
  app.get('/readyz', async () => ({ ready: true }));
  await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

void main();

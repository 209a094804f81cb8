// WeCom's published callback-SDK sample vectors (WXBizMsgCrypt samples) and helpers to build callbacks.
import { encrypt, signature } from '../../../src/channels/wecom/crypto';

export const TOKEN = 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo';
export const AES_KEY = '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt';
export const CORP_ID = 'ww1436e0e65a779aee';

export const VERIFY = {
  msg_signature: '012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb',
  timestamp: '1476416373',
  nonce: '47744683',
  echostr: 'fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==',
  plain: '1288432023552776189',
};

/** The sample message's Encrypt, as published in the SDK samples (Sample.py / Sample.cpp). */
export const MESSAGE = {
  msg_signature: '0c3914025cb4b4d68103f6bfc8db550f79dcf48e',
  timestamp: '1476422779',
  nonce: '1597212914',
  encrypt:
    'Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLNshw2AEew+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh010wsHF8KZD24YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNfSsPGjUQVDGxQDCWjayJOpcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+',
  plain:
    '<xml><ToUserName>ww1436e0e65a779aee</ToUserName><FromUserName>ChenJiaShun</FromUserName><CreateTime>1476422779</CreateTime><MsgType>text</MsgType><Content>你好</Content><MsgId>1456453720</MsgId><AgentID>1000002</AgentID></xml>',
};

export const envelope = (encrypted: string): string =>
  `<xml><ToUserName><![CDATA[${CORP_ID}]]></ToUserName>\n<Encrypt><![CDATA[${encrypted}]]></Encrypt>\n<AgentID><![CDATA[1000002]]></AgentID>\n</xml>`;

/** A signed, encrypted callback for `plainXml`: the query string and the body. */
export function sealed(plainXml: string, timestampS: number, opts: { receiveId?: string; nonce?: string } = {}) {
  const enc = encrypt(AES_KEY, plainXml, opts.receiveId ?? CORP_ID);
  const ts = String(timestampS);
  const nonce = opts.nonce ?? 'n' + Math.floor(timestampS % 100000);
  const sig = signature(TOKEN, ts, nonce, enc);
  return { query: `msg_signature=${sig}&timestamp=${ts}&nonce=${nonce}`, body: envelope(enc), encrypted: enc };
}

export const textXml = (from: string, content: string, msgId: string, createTime: number): string =>
  `<xml><ToUserName><![CDATA[${CORP_ID}]]></ToUserName><FromUserName><![CDATA[${from}]]></FromUserName><CreateTime>${createTime}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>${msgId}</MsgId><AgentID>1000002</AgentID></xml>`;

export const kfEventXml = (token: string, openKfid: string, createTime: number): string =>
  `<xml><ToUserName><![CDATA[${CORP_ID}]]></ToUserName><CreateTime>${createTime}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[kf_msg_or_event]]></Event><Token><![CDATA[${token}]]></Token><OpenKfId><![CDATA[${openKfid}]]></OpenKfId></xml>`;

// Confluent's own Avro serde (npm @confluentinc/schemaregistry) for ConfluentSerdeInteropTest.
//   node confluent-serde.js read  URL USER:PASSWORD TOPIC   stdin: hex records; stdout: one JSON per line
//   node confluent-serde.js write URL USER:PASSWORD TOPIC   stdin: JSON values;  stdout: one hex record per line
// "write" serializes with the latest schema registered under TOPIC-value, as a producer that does not
// register schemas of its own would.
'use strict';
const readline = require('node:readline');
const {
  SchemaRegistryClient, SerdeType, AvroSerializer, AvroDeserializer,
} = require('@confluentinc/schemaregistry');

async function main() {
  const [mode, url, userInfo, topic] = process.argv.slice(2);
  const client = new SchemaRegistryClient({
    baseURLs: [url],
    basicAuthCredentials: { credentialsSource: 'USER_INFO', userInfo },
  });
  const serde = mode === 'read'
    ? new AvroDeserializer(client, SerdeType.VALUE, {})
    : new AvroSerializer(client, SerdeType.VALUE, { useLatestVersion: true, autoRegisterSchemas: false });
  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    if (mode === 'read') {
      const value = await serde.deserialize(topic, Buffer.from(line.trim(), 'hex'));
      process.stdout.write(JSON.stringify(value, (k, v) => (typeof v === 'bigint' ? Number(v) : v)) + '\n');
    } else {
      const bytes = await serde.serialize(topic, JSON.parse(line));
      process.stdout.write(bytes.toString('hex') + '\n');
    }
  }
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
  process.exit(1);
});

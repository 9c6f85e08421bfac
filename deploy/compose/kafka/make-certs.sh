#!/bin/bash
# One-shot, run by the kafka-certs service: makes the compose stack's own certificate authority and
# the broker's certificate (for the names kafka and localhost) with the JDK's keytool, once. The
# broker reads kafka.p12 (its password in keystore.password, readable by the broker only); every
# client trusts ca.crt. Delete the kafka-certs volume to make new ones.
set -euo pipefail
cd /certs
if [ -s kafka.p12 ] && [ -s ca.crt ] && [ -s keystore.password ]; then
  echo "certificates already made"
  exit 0
fi
rm -f ca.p12 ca.crt kafka.p12 kafka.csr kafka.crt keystore.password
PASSWORD=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
keytool -genkeypair -alias ca -dname "CN=Waarom compose CA" -keyalg EC -groupname secp256r1 \
  -ext bc:c -validity 3650 -keystore ca.p12 -storetype PKCS12 -storepass "$PASSWORD"
keytool -exportcert -alias ca -rfc -keystore ca.p12 -storepass "$PASSWORD" -file ca.crt
keytool -genkeypair -alias kafka -dname "CN=kafka" -keyalg EC -groupname secp256r1 \
  -validity 825 -keystore kafka.p12 -storetype PKCS12 -storepass "$PASSWORD"
keytool -certreq -alias kafka -keystore kafka.p12 -storepass "$PASSWORD" -file kafka.csr
keytool -gencert -alias ca -keystore ca.p12 -storepass "$PASSWORD" -infile kafka.csr \
  -outfile kafka.crt -rfc -validity 825 -ext SAN=dns:kafka,dns:localhost \
  -ext KeyUsage=digitalSignature -ext ExtendedKeyUsage=serverAuth
keytool -importcert -alias ca -file ca.crt -keystore kafka.p12 -storepass "$PASSWORD" -noprompt
keytool -importcert -alias kafka -file kafka.crt -keystore kafka.p12 -storepass "$PASSWORD"
printf '%s' "$PASSWORD" > keystore.password
rm -f ca.p12 kafka.csr kafka.crt   # the CA's key is not kept: nothing else is ever signed
chown 1000:1000 kafka.p12 keystore.password    # the broker's user in the apache/kafka image
chmod 600 kafka.p12 keystore.password
chmod 644 ca.crt
echo "made ca.crt and the broker's certificate"

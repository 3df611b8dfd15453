-- YueGong Journal, database version 14: paired databases and signed exchange files
-- (docs/exchange.md "Pairing and signatures").

-- This database's Ed25519 key pair (libsodium crypto_sign, base64): every exchange file it
-- writes is signed with the secret key; the public key is what a paired database checks the
-- signature with. Made on first need, like the database id beside it.
ALTER TABLE exchange_identity ADD COLUMN public_key TEXT;
ALTER TABLE exchange_identity ADD COLUMN secret_key TEXT;

-- A peer is paired by staff or an administrator, who compared the fingerprints of both
-- sides: a laptop (it sends records to this database, its accounts are the peer's cadres in
-- exchange_peer_cadres) or the office (it sends reference data to this laptop). Only files
-- signed with the paired key are read; a revoked peer (a lost laptop) stays revoked.
ALTER TABLE exchange_peers ADD COLUMN relation TEXT CHECK (relation IN ('laptop', 'office'));
ALTER TABLE exchange_peers ADD COLUMN public_key TEXT;
ALTER TABLE exchange_peers ADD COLUMN paired_at TEXT;
ALTER TABLE exchange_peers ADD COLUMN paired_by INTEGER REFERENCES cadres(id);
ALTER TABLE exchange_peers ADD COLUMN revoked_at TEXT;
ALTER TABLE exchange_peers ADD COLUMN revoked_by INTEGER REFERENCES cadres(id);

-- Before version 14 the cadres of a peer were also taken from the authors named in the files
-- it sent, which a file can choose. From now on they are the accounts named when the laptop
-- is paired (or by staff with --cadre): what a file from that laptop may do is what they may.
DELETE FROM exchange_peer_cadres;

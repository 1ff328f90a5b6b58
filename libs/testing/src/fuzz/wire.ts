/** Protobuf wire types. */
export const enum WireType {
  Varint = 0,
  Fixed64 = 1,
  LengthDelimited = 2,
  Fixed32 = 5,
}

/**
 * A minimal protobuf wire writer that, unlike a generated encoder, writes whatever it is told:
 * any wire type for any field, invalid UTF-8 in strings, unknown field numbers. That is what a
 * fuzzer needs to reach the server's decoder with malformed-but-framed input.
 */
export class WireWriter {
  private readonly chunks: Buffer[] = [];

  private varint(value: bigint): void {
    let v = BigInt.asUintN(64, value);
    const bytes: number[] = [];
    do {
      let byte = Number(v & 0x7fn);
      v >>= 7n;
      if (v) byte |= 0x80;
      bytes.push(byte);
    } while (v);
    this.chunks.push(Buffer.from(bytes));
  }

  private tag(field: number, wire: WireType): void {
    this.varint(BigInt((field << 3) | wire));
  }

  writeVarint(field: number, value: bigint): this {
    this.tag(field, WireType.Varint);
    this.varint(value);
    return this;
  }

  writeBytes(field: number, value: Buffer): this {
    this.tag(field, WireType.LengthDelimited);
    this.varint(BigInt(value.length));
    this.chunks.push(value);
    return this;
  }

  writeDouble(field: number, value: number): this {
    this.tag(field, WireType.Fixed64);
    const b = Buffer.alloc(8);
    b.writeDoubleLE(value);
    this.chunks.push(b);
    return this;
  }

  writeFloat(field: number, value: number): this {
    this.tag(field, WireType.Fixed32);
    const b = Buffer.alloc(4);
    b.writeFloatLE(value);
    this.chunks.push(b);
    return this;
  }

  finish(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

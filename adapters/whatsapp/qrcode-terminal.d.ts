// qrcode-terminal ships without types; this is the one call the adapter makes.
declare module 'qrcode-terminal' {
  const qrcode: {
    generate(text: string, options: { small?: boolean }, callback: (rendered: string) => void): void;
  };
  export default qrcode;
}

// miniprogram-simulate ships its snapshot serializer without typings.
declare module 'miniprogram-simulate/jest-snapshot-plugin' {
  const plugin: jest.SnapshotSerializerPlugin;
  export = plugin;
}

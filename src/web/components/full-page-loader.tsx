import { Center, Loader } from "@mantine/core";

export function FullPageLoader() {
  return (
    <Center h="100vh" role="status" aria-busy="true" aria-label="Loading" data-testid="loading">
      <Loader size="sm" />
    </Center>
  );
}

import ArgumentParser
import TimmyWeb
print("x")

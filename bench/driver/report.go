package main

import "errors"

func reportCmd(args []string) error { return errors.New("todo") }
